package dev.postbox.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.admin.AdminMessages;
import dev.postbox.jms.management.ManagementException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Status codes of management failures, the CSRF rule and the message catalogue. */
class ErrorsAndGuardTest {

    @Test
    void managementFailuresMapToTheirHttpStatus() {
        assertEquals(404, ErrorStatus.of(new ManagementException.NotFound("x")));
        assertEquals(400, ErrorStatus.of(new ManagementException.InvalidRequest("x")));
        assertEquals(409, ErrorStatus.of(new ManagementException.Conflict("x")));
        assertEquals(503, ErrorStatus.of(new ManagementException.Unavailable("x", null)));
        assertEquals(500, ErrorStatus.of(new ManagementException("x")));
        assertEquals("{\"error\":\"a \\\"quoted\\\" <b>text</b>\"}", ErrorResponses.body("a \"quoted\" <b>text</b>"));
    }

    @Test
    void readsNeedNoHeaderButChangesNeedTheAdminHeaderAndJson() {
        assertNull(CsrfRule.check("GET", "queues", null, null));
        assertNull(CsrfRule.check("POST", "queues", "1", "application/json; charset=UTF-8"));
        assertNull(CsrfRule.check("DELETE", "queues/x", "1", null));

        CsrfRule.Refusal forged = CsrfRule.check("POST", "queues/x/purge", null, "application/x-www-form-urlencoded");
        assertEquals(403, forged.status());
        assertTrue(forged.message().startsWith("PBX-3020"), forged.message());
        assertEquals(403, CsrfRule.check("DELETE", "queues/x", "0", null).status());
        CsrfRule.Refusal form = CsrfRule.check("put", "queues/x/policy", "1", "text/plain");
        assertEquals(415, form.status());
        assertTrue(form.message().contains("text/plain"), form.message());
        assertEquals(415, CsrfRule.check("POST", "queues", "1", null).status());
    }

    @Test
    void everyCatalogueMessageHasItsOwnAdminId() throws IllegalAccessException {
        Set<String> ids = new HashSet<>();
        for (Field field : AdminMessages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String text = (String) field.get(null);
                assertTrue(text.matches("PBX-3\\d{3} .+"), field.getName() + ": " + text);
                assertTrue(ids.add(text.substring(0, 8)), "duplicate ID " + text.substring(0, 8));
            }
        }
        assertEquals("orders?PBX-3100 forged", Audit.printable("orders\nPBX-3100 forged"));
        assertEquals("PBX-3100 Admin purged queue: it's done", AdminMessages.format(AdminMessages.AUDIT,
                "purged queue", "it's done"));
    }
}

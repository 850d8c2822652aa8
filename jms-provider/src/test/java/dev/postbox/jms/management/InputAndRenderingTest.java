package dev.postbox.jms.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.message.BodyType;
import dev.postbox.jms.store.ScanPosition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input rules and body rendering without a store. */
class InputAndRenderingTest {

    @Test
    void cursorsRoundTripAndBadOnesAreRefused() {
        ScanPosition position = new ScanPosition(4, 1234);
        assertEquals(position, InputRules.cursor(InputRules.cursorOf(position)));
        assertNull(InputRules.cursor(null));
        assertNull(InputRules.cursor(""));
        for (String bad : new String[] {"x", "10-1", "4-", "-1", "4-99999999999999999999"}) {
            assertThrows(ManagementException.InvalidRequest.class, () -> InputRules.cursor(bad), bad);
        }
    }

    @Test
    void queueNamesOfNewQueuesAreChecked() {
        assertEquals("orders.eu-1", InputRules.newQueueName("orders.eu-1"));
        for (String bad : new String[] {"", "a b", "<script>", "temp-1", "x".repeat(201), "ä", "a/b", "a#b"}) {
            assertThrows(ManagementException.InvalidRequest.class, () -> InputRules.newQueueName(bad), bad);
        }
        assertEquals("any name an app chose", InputRules.existingName("any name an app chose", "queue"));
    }

    @Test
    void bytesShowAsHexExcerptOrDump() {
        byte[] body = "Hello, Postbox operators!".getBytes(StandardCharsets.US_ASCII);
        BodyPreview preview = BodyRendering.PREVIEW.render(BodyType.BYTES.code(), body);
        assertTrue(preview.content().startsWith("48 65 6c 6c 6f"), preview.content());
        assertEquals(body.length, preview.size());
        BodyPreview dump = BodyRendering.FULL.render(BodyType.BYTES.code(), body);
        assertEquals("00000000   48 65 6c 6c 6f 2c 20 50  6f 73 74 62 6f 78 20 6f  |Hello, Postbox o|\n"
                + "00000010   70 65 72 61 74 6f 72 73  21                       |perators!|\n", dump.content());
    }

    @Test
    void objectBodiesAreNeverDecodedAndUnknownTypesSaySo() {
        BodyPreview object = BodyRendering.FULL.render(BodyType.OBJECT.code(), new byte[] {1, 2, 3});
        assertEquals("ObjectMessage (3 bytes)", object.content());
        assertEquals("Unknown body type 42", BodyRendering.PREVIEW.render(42, null).content());
        assertEquals("(null text)", BodyRendering.PREVIEW.render(BodyType.TEXT.code(), null).content());
    }
}

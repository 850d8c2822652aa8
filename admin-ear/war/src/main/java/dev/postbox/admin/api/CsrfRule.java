package dev.postbox.admin.api;

import dev.postbox.admin.AdminMessages;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests may change state. A browser sends a custom header cross-origin only after a CORS
 * preflight, which this application never approves, so requiring {@value #HEADER} on POST, PUT, PATCH
 * and DELETE stops cross-site request forgery; requiring a JSON body on POST and PUT stops plain HTML
 * form posts as well.
 */
final class CsrfRule {

    /** The header the admin page (and scripts) send with every change. */
    static final String HEADER = "X-Postbox-Admin";

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /**
     * Why a request is refused.
     *
     * @param status HTTP status
     * @param message what to do instead
     */
    record Refusal(int status, String message) {
    }

    private CsrfRule() {
    }

    /** The refusal of a request, or null when it may proceed. */
    static Refusal check(String method, String path, String adminHeader, String contentType) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!CHANGING.contains(verb)) {
            return null;
        }
        if (!"1".equals(adminHeader == null ? null : adminHeader.strip())) {
            return new Refusal(403, AdminMessages.format(AdminMessages.MISSING_ADMIN_HEADER, verb, path));
        }
        if (WITH_BODY.contains(verb) && !isJson(contentType)) {
            return new Refusal(415, AdminMessages.format(AdminMessages.NOT_JSON, verb, path,
                    contentType == null ? "nothing" : contentType));
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}

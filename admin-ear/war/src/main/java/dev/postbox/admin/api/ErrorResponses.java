package dev.postbox.admin.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every error of the API is JSON: {@code {"error": "…"}}. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static String body(String message) {
        return Json.createObjectBuilder().add("error", message == null ? "Unknown error" : message).build().toString();
    }

    static Response of(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .entity(body(message)).build();
    }
}

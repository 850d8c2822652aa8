package dev.postbox.admin.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown path, wrong method or media type, unreadable body) as JSON errors. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? ErrorStatus.INTERNAL_ERROR : e.getResponse().getStatus();
        String message = e.getMessage();
        if (e.getCause() instanceof jakarta.json.JsonException json) {
            status = ErrorStatus.BAD_REQUEST;
            message = "Malformed JSON body: " + json.getMessage();
        }
        return ErrorResponses.of(status, message);
    }
}

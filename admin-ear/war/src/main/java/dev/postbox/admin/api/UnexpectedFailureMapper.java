package dev.postbox.admin.api;

import dev.postbox.admin.AdminMessages;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/** Malformed JSON is a 400; anything else unexpected a logged 500, as JSON without internals. */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonException json) {
                return ErrorResponses.of(ErrorStatus.BAD_REQUEST, "Malformed JSON body: " + json.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String what = AdminMessages.format(AdminMessages.UNEXPECTED, request.getMethod(), uri.getPath(), e.toString());
        LOG.log(Level.WARNING, what, e);
        return ErrorResponses.of(ErrorStatus.INTERNAL_ERROR, "Internal error (PBX-3002); see the server log");
    }
}

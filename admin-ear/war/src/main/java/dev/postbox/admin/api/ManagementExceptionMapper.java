package dev.postbox.admin.api;

import dev.postbox.admin.AdminMessages;
import dev.postbox.jms.management.ManagementException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/**
 * A failed management operation: 400 bad input, 404 unknown queue or message, 409 conflict (in flight,
 * exists already), 503 store or broker unavailable, 500 otherwise; the body says why.
 */
@Provider
public class ManagementExceptionMapper implements ExceptionMapper<ManagementException> {

    private static final System.Logger LOG = System.getLogger(ManagementExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(ManagementException e) {
        int status = ErrorStatus.of(e);
        if (status >= ErrorStatus.INTERNAL_ERROR) {
            LOG.log(Level.WARNING, AdminMessages.format(AdminMessages.OPERATION_FAILED, request.getMethod(),
                    uri.getPath(), e.getMessage()));
        } else {
            LOG.log(Level.DEBUG, "{0} {1} refused: {2}", request.getMethod(), uri.getPath(), e.getMessage());
        }
        return ErrorResponses.of(status, e.getMessage());
    }
}

package dev.postbox.admin.api;

import dev.postbox.jms.management.ManagementException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A failed management operation becomes a 503 with a JSON body saying why. */
@Provider
public class ManagementExceptionMapper implements ExceptionMapper<ManagementException> {

    @Override
    public Response toResponse(ManagementException e) {
        System.getLogger(ManagementExceptionMapper.class.getName()).log(System.Logger.Level.WARNING,
                "PBX-3001 Management operation failed: {0}", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build().toString())
                .build();
    }
}

package dev.postbox.admin.api;

import dev.postbox.admin.api.view.UserView;
import dev.postbox.admin.service.QueueAdminService;
import dev.postbox.jms.management.ManagementException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/users}: the users connections and MDBs authenticate as when the adapter has
 * {@code requireAuthentication=true}. Passwords go in only; they are never returned or logged.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    QueueAdminService service;

    /** For JAX-RS and CDI. */
    public UsersResource() {
    }

    /** A resource over a service (tests). */
    UsersResource(QueueAdminService service) {
        this.service = service;
    }

    /** Every user, by name. */
    @GET
    public List<UserView> list() {
        return service.users().listUsers().stream().map(UserView::new).toList();
    }

    /** Creates the user or sets its new password: {@code {"password": "..."}}. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView put(@PathParam("name") String name, JsonObject body) {
        service.users().putUser(name, JsonBodies.requiredString(body, "password"));
        Audit.record("set the password of user", name);
        return new UserView(name);
    }

    /** Deletes the user; 404 when there is none. */
    @DELETE
    @Path("{name}")
    public void delete(@PathParam("name") String name) {
        if (!service.users().deleteUser(name)) {
            throw new ManagementException.NotFound("User " + name + " does not exist");
        }
        Audit.record("deleted user", name);
    }
}

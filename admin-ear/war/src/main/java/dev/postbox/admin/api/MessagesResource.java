package dev.postbox.admin.api;

import dev.postbox.admin.api.view.MessagePageView;
import dev.postbox.admin.api.view.MessageView;
import dev.postbox.admin.service.QueueAdminService;
import dev.postbox.jms.management.ManagementException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/queues/{name}/messages}: browsing, reading, deleting and moving messages. */
@Path("queues/{name}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    /** Page size when none is given. */
    static final int DEFAULT_LIMIT = 50;

    @Inject
    QueueAdminService service;

    /** For JAX-RS and CDI. */
    public MessagesResource() {
    }

    /** A resource over a service (tests). */
    MessagesResource(QueueAdminService service) {
        this.service = service;
    }

    /** One page in delivery order: {@code ?after=<next of the previous page>&limit=50}. */
    @GET
    public MessagePageView browse(@PathParam("name") String queue, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return MessagePageView.of(service.management().browse(queue, after, limit(limit)));
    }

    /** One message with its readable body. */
    @GET
    @Path("{id}")
    public MessageView get(@PathParam("name") String queue, @PathParam("id") long id) {
        return MessageView.of(service.management().getMessage(queue, id));
    }

    /** Deletes one message (refused while in flight). */
    @DELETE
    @Path("{id}")
    public void delete(@PathParam("name") String queue, @PathParam("id") long id) {
        service.management().deleteMessage(queue, id);
        Audit.record("deleted message", id + " of " + queue);
    }

    /** Moves one message: {@code {"target": "other.queue"}}; answers {@code {"moved": id, "target": ...}}. */
    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject move(@PathParam("name") String queue, @PathParam("id") long id, JsonObject body) {
        String target = JsonBodies.requiredString(body, "target");
        service.management().moveMessage(queue, id, target);
        Audit.record("moved message", id + " from " + queue + " to " + target);
        return Json.createObjectBuilder().add("moved", id).add("target", target).build();
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new ManagementException.InvalidRequest("limit must be a whole number, not \"" + limit + "\"");
        }
    }
}

package dev.postbox.admin.api;

import dev.postbox.admin.api.view.QueueView;
import dev.postbox.admin.service.QueueAdminService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/queues}: the broker's queues, their policies, purge and deletion. */
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Inject
    QueueAdminService service;

    /** For JAX-RS and CDI. */
    public QueuesResource() {
    }

    /** A resource over a service (tests). */
    QueuesResource(QueueAdminService service) {
        this.service = service;
    }

    /** Every queue with its counts, policy and dead-letter queue. */
    @GET
    public List<QueueView> list() {
        return service.management().listQueues().stream().map(QueueView::of).toList();
    }

    /** Creates a queue: {@code {"name": "...", "policy": {...}}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueView create(JsonObject body) {
        String name = JsonBodies.requiredString(body, "name");
        QueueView created = QueueView.of(service.management().createQueue(name,
                JsonBodies.policy(JsonBodies.object(body, "policy"))));
        Audit.record("created queue", name);
        return created;
    }

    /** One queue. */
    @GET
    @Path("{name}")
    public QueueView get(@PathParam("name") String name) {
        return QueueView.of(service.management().getQueue(name));
    }

    /** Deletes a queue; {@code ?force=true} even with messages in flight. */
    @DELETE
    @Path("{name}")
    public void delete(@PathParam("name") String name, @QueryParam("force") boolean force) {
        service.management().deleteQueue(name, force);
        Audit.record("deleted queue", name + (force ? " (forced)" : ""));
    }

    /** Replaces the queue's policy overrides. */
    @PUT
    @Path("{name}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueView updatePolicy(@PathParam("name") String name, JsonObject policy) {
        QueueView updated = QueueView.of(service.management().updatePolicy(name,
                JsonBodies.policy(JsonBodies.required(policy))));
        Audit.record("changed policy of", name + " to " + policy);
        return updated;
    }

    /** Deletes every message of the queue: {@code {"purged": n}}. */
    @POST
    @Path("{name}/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject purge(@PathParam("name") String name) {
        int purged = service.management().purgeQueue(name);
        Audit.record("purged queue", name + " (" + purged + " messages)");
        return Json.createObjectBuilder().add("purged", purged).build();
    }
}

package dev.postbox.admin.api;

import dev.postbox.admin.service.QueueAdminService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/queues}: the queues of the Postbox broker with their depth. */
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Inject
    QueueAdminService service;

    /** Lists every queue and subscription with its message counts. */
    @GET
    public List<QueueView> list() {
        return service.listQueues().stream().map(QueueView::of).toList();
    }
}

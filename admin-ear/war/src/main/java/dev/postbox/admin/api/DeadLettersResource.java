package dev.postbox.admin.api;

import dev.postbox.admin.api.view.RetryView;
import dev.postbox.admin.service.QueueAdminService;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.RetryResult;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/queues/{dlq}/retry}: dead letters back to the queues they came from. */
@Path("queues/{name}/retry")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    @Inject
    QueueAdminService service;

    /** For JAX-RS and CDI. */
    public DeadLettersResource() {
    }

    /** A resource over a service (tests). */
    DeadLettersResource(QueueAdminService service) {
        this.service = service;
    }

    /** Retries {@code {"ids": [1, 2]}} or {@code {"all": true}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RetryView retry(@PathParam("name") String queue, JsonObject body) {
        List<Long> ids = JsonBodies.ids(body);
        boolean all = JsonBodies.flag(body, "all");
        if (all == (ids != null)) {
            throw new ManagementException.InvalidRequest("Send either {\"ids\": [...]} or {\"all\": true}");
        }
        RetryResult result = all ? service.management().retryAllDeadLetters(queue)
                : service.management().retryDeadLetters(queue, ids);
        Audit.record("retried dead letters", result.retried() + " of " + queue + (all ? " (all)" : " " + ids)
                + ", " + result.skipped() + " skipped");
        return RetryView.of(result);
    }
}

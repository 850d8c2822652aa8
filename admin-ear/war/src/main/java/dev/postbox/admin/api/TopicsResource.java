package dev.postbox.admin.api;

import dev.postbox.admin.api.view.TopicView;
import dev.postbox.admin.service.QueueAdminService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/topics}: topics with their subscriptions. */
@Path("topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicsResource {

    @Inject
    QueueAdminService service;

    /** Every topic with its subscriptions. */
    @GET
    public List<TopicView> list() {
        return service.management().listTopics().stream().map(TopicView::of).toList();
    }
}

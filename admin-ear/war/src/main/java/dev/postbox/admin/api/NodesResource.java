package dev.postbox.admin.api;

import dev.postbox.admin.api.view.NodeView;
import dev.postbox.admin.service.QueueAdminService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/nodes}: the live broker nodes sharing the store. */
@Path("nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    @Inject
    QueueAdminService service;

    /** Every live node. */
    @GET
    public List<NodeView> list() {
        return service.management().listNodes().stream().map(NodeView::of).toList();
    }
}

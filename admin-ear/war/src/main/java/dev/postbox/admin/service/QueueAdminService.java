package dev.postbox.admin.service;

import dev.postbox.jms.management.QueueInfo;
import dev.postbox.jms.management.QueueManagement;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The admin application's access to the broker: the management API administered object of the Postbox
 * resource adapter (JNDI {@value #MANAGEMENT_JNDI}). Never touches the store's tables.
 */
@ApplicationScoped
public class QueueAdminService {

    /** Where server-config binds the management object. */
    public static final String MANAGEMENT_JNDI = "postbox/management";

    @Resource(lookup = MANAGEMENT_JNDI)
    QueueManagement management;

    /** Every queue with its counts. */
    public List<QueueInfo> listQueues() {
        return management.listQueues();
    }
}

package dev.postbox.admin.service;

import dev.postbox.admin.AdminMessages;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.QueueManagement;
import dev.postbox.jms.management.UserManagement;
import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The admin application's access to the broker: the management API administered object of the Postbox
 * resource adapter (JNDI {@value #MANAGEMENT_JNDI}), looked up on first use so that a missing binding is
 * a 503 with a clear message instead of a failed deployment. The same object manages queues and users.
 * Never touches the store's tables.
 */
@ApplicationScoped
public class QueueAdminService {

    /** Where server-config binds the management object. */
    public static final String MANAGEMENT_JNDI = "postbox/management";

    private volatile QueueManagement management;

    /** For CDI. */
    public QueueAdminService() {
    }

    /** A service over a given management API (tests, tools). */
    public QueueAdminService(QueueManagement management) {
        this.management = management;
    }

    /** The broker's management API. */
    public QueueManagement management() {
        QueueManagement current = management;
        if (current == null) {
            current = lookup();
            management = current;
        }
        return current;
    }

    /**
     * The broker's users: the management object also implements {@link UserManagement}.
     *
     * @throws ManagementException.Unavailable when the bound object does not (an older adapter)
     */
    public UserManagement users() {
        QueueManagement current = management();
        if (current instanceof UserManagement users) {
            return users;
        }
        throw new ManagementException.Unavailable(AdminMessages.format(AdminMessages.NO_USER_MANAGEMENT,
                MANAGEMENT_JNDI, current.getClass().getName()), null);
    }

    private static QueueManagement lookup() {
        try {
            return (QueueManagement) new InitialContext().lookup(MANAGEMENT_JNDI);
        } catch (NamingException | ClassCastException e) {
            throw new ManagementException.Unavailable(AdminMessages.format(AdminMessages.NO_MANAGEMENT_OBJECT,
                    MANAGEMENT_JNDI, e.toString()), e);
        }
    }
}

package dev.postbox.ra.outbound;

import jakarta.jms.IllegalStateException;

/**
 * The methods Jakarta Messaging (section "Restrictions on the use of JMS API in the Jakarta EE web or EJB
 * container") forbids to web and EJB components; the handles throw this for them.
 */
final class EnterpriseRestrictions {

    private EnterpriseRestrictions() {
    }

    static IllegalStateException forbidden(String method) {
        return new IllegalStateException(method + " must not be called by a Jakarta EE web or EJB component"
                + " (Jakarta Messaging, restrictions in the Jakarta EE container)");
    }
}

package dev.postbox.admin.api;

import dev.postbox.admin.AdminMessages;
import java.lang.System.Logger.Level;

/** The audit trail of operator changes (INFO, PBX-3100): what changed, never message contents. */
final class Audit {

    private static final System.Logger LOG = System.getLogger(Audit.class.getName());

    private Audit() {
    }

    static void record(String action, String details) {
        LOG.log(Level.INFO, AdminMessages.format(AdminMessages.AUDIT, action, printable(details)));
    }

    /** Names come from URLs: no line breaks or other control characters reach the log. */
    static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}

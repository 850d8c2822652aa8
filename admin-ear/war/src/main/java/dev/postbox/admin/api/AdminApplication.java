package dev.postbox.admin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin REST API, under {@code /postbox-admin/api}. */
@ApplicationPath("api")
public class AdminApplication extends Application {
}

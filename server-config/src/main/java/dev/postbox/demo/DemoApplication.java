package dev.postbox.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's REST API under {@code /postbox-demo/api}. */
@ApplicationPath("api")
public class DemoApplication extends Application {
}

package dev.postbox.ra.outbound;

import dev.postbox.jms.client.PostboxConnectionMetaData;
import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes Postbox to the connection manager. */
final class PostboxManagedConnectionMetaData implements ManagedConnectionMetaData {

    private final String user;

    PostboxManagedConnectionMetaData(String user) {
        this.user = user;
    }

    @Override
    public String getEISProductName() {
        return PostboxConnectionMetaData.PROVIDER_NAME;
    }

    @Override
    public String getEISProductVersion() {
        return PostboxConnectionMetaData.INSTANCE.getProviderVersion();
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return user;
    }
}

package dev.postbox.jms.client;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Version information of Postbox's Jakarta Messaging implementation. */
public final class PostboxConnectionMetaData implements ConnectionMetaData {

    /** The single instance. */
    public static final PostboxConnectionMetaData INSTANCE = new PostboxConnectionMetaData();

    /** The provider name reported to applications. */
    public static final String PROVIDER_NAME = "Postbox";

    private static final List<String> JMSX_PROPERTIES = List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    private PostboxConnectionMetaData() {
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return PROVIDER_NAME;
    }

    @Override
    public String getProviderVersion() {
        String version = PostboxConnectionMetaData.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0";
    }

    @Override
    public int getProviderMajorVersion() {
        return Integer.parseInt(getProviderVersion().split("[.-]")[0]);
    }

    @Override
    public int getProviderMinorVersion() {
        String[] parts = getProviderVersion().split("[.-]");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTIES);
    }
}

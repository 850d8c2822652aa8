package dev.postbox.jms.jndi;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTopic;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;

/**
 * Turns JNDI properties into the objects the context binds. Properties come from the environment (which
 * {@code InitialContext} has already merged with every {@code jndi.properties} on the class path) and from
 * the properties file {@code java.naming.provider.url} names, the environment winning:
 * <ul>
 *   <li>{@code connectionFactory.<name> = <jdbc url>} binds a {@link PostboxConnectionFactory} (an empty URL
 *       means the default embedded H2 store); {@code connectionFactory.<name>.<property> = <value>} sets one
 *       of its JavaBean properties. Factory names contain no dot.</li>
 *   <li>{@code queue.<jndi name> = <queue name>} and {@code topic.<jndi name> = <topic name>} bind
 *       destinations; the JNDI name may contain dots and slashes.</li>
 * </ul>
 * Prefixes are matched case-insensitively ({@code connectionfactory.} as Qpid JMS writes it). Other
 * properties are ignored.
 */
final class BindingReader {

    static final String FACTORY_PREFIX = "connectionfactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";
    static final String CLASSPATH_SCHEME = "classpath:";

    private final Map<String, String> factoryUrls = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> factorySettings = new LinkedHashMap<>();
    private final Map<String, Object> bindings = new TreeMap<>();

    private BindingReader() {
    }

    /** The bindings the environment describes. */
    static Map<String, Object> read(Hashtable<?, ?> environment) throws NamingException {
        BindingReader reader = new BindingReader();
        for (Map.Entry<?, ?> entry : properties(environment).entrySet()) {
            reader.accept(String.valueOf(entry.getKey()), entry.getValue());
        }
        reader.bindFactories();
        return Collections.unmodifiableMap(reader.bindings);
    }

    private static Map<Object, Object> properties(Hashtable<?, ?> environment) throws NamingException {
        Map<Object, Object> merged = new LinkedHashMap<>();
        Object providerUrl = environment.get(Context.PROVIDER_URL);
        if (providerUrl instanceof String location && !location.isBlank()) {
            merged.putAll(load(location.trim()));
        }
        merged.putAll(environment);
        return merged;
    }

    /** Loads the properties file at a path, a URL or a {@code classpath:} resource. */
    static Properties load(String location) throws NamingException {
        Properties properties = new Properties();
        try (InputStream in = open(location)) {
            properties.load(in);
        } catch (IOException e) {
            ConfigurationException failure = new ConfigurationException("Cannot read the JNDI properties at "
                    + Context.PROVIDER_URL + " = " + location + ": " + e);
            failure.setRootCause(e);
            throw failure;
        }
        return properties;
    }

    private static InputStream open(String location) throws IOException {
        if (location.regionMatches(true, 0, CLASSPATH_SCHEME, 0, CLASSPATH_SCHEME.length())) {
            String resource = location.substring(CLASSPATH_SCHEME.length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = (loader != null ? loader : BindingReader.class.getClassLoader())
                    .getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no such class path resource: " + resource);
            }
            return in;
        }
        try {
            URI uri = URI.create(location);
            if (uri.getScheme() != null && uri.getScheme().length() > 1) {
                URL url = uri.toURL();
                return url.openStream();
            }
        } catch (IllegalArgumentException | MalformedURLException e) {
            // not a URL: a file path
        }
        return Files.newInputStream(Path.of(location));
    }

    private void accept(String key, Object value) throws NamingException {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith(FACTORY_PREFIX)) {
            acceptFactory(key, key.substring(FACTORY_PREFIX.length()), text(key, value));
        } else if (lower.startsWith(QUEUE_PREFIX)) {
            bind(key.substring(QUEUE_PREFIX.length()), new PostboxQueue(destinationName(key, text(key, value))));
        } else if (lower.startsWith(TOPIC_PREFIX)) {
            bind(key.substring(TOPIC_PREFIX.length()), new PostboxTopic(destinationName(key, text(key, value))));
        }
    }

    private void acceptFactory(String key, String rest, String value) throws NamingException {
        int dot = rest.indexOf('.');
        if (dot < 0) {
            factoryUrls.put(checkedName(key, rest), value.trim());
        } else {
            String factory = checkedName(key, rest.substring(0, dot));
            factorySettings.computeIfAbsent(factory, f -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
        }
    }

    private void bindFactories() throws NamingException {
        for (String factory : factorySettings.keySet()) {
            if (!factoryUrls.containsKey(factory)) {
                throw new ConfigurationException("Properties of connection factory '" + factory + "' are set, but"
                        + " 'connectionFactory." + factory + " = <jdbc url>' does not declare it");
            }
        }
        for (Map.Entry<String, String> declared : factoryUrls.entrySet()) {
            String name = declared.getKey();
            String url = declared.getValue();
            if (!url.isEmpty() && !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
                throw new ConfigurationException("Connection factory '" + name + "' needs a JDBC URL"
                        + " (jdbc:postgresql://... or jdbc:h2:...), not '" + url + "'");
            }
            url = url.isEmpty() ? PostboxConnectionFactory.DEFAULT_JDBC_URL : url;
            PostboxConnectionFactory factory = new PostboxConnectionFactory(url);
            FactoryProperties.apply(factory, name, factorySettings.getOrDefault(name, Map.of()));
            bind(name, factory);
        }
    }

    private void bind(String name, Object object) throws NamingException {
        if (name.isEmpty()) {
            throw new ConfigurationException("A JNDI name must not be empty (" + object + ")");
        }
        Object previous = bindings.putIfAbsent(name, object);
        if (previous != null) {
            throw new ConfigurationException("The JNDI name '" + name + "' is bound twice: to " + previous
                    + " and to " + object);
        }
    }

    private static String checkedName(String key, String name) throws NamingException {
        if (name.isEmpty()) {
            throw new ConfigurationException("No connection factory name in JNDI property '" + key + "'");
        }
        return name;
    }

    private static String destinationName(String key, String value) throws NamingException {
        String name = value.trim();
        String problem = PostboxDestination.nameProblem(name);
        if (problem != null) {
            throw new ConfigurationException("JNDI property '" + key + "': " + problem);
        }
        return name;
    }

    private static String text(String key, Object value) throws NamingException {
        if (value instanceof String text) {
            return text;
        }
        throw new ConfigurationException("JNDI property '" + key + "' must be a String, not "
                + (value == null ? "null" : value.getClass().getName()));
    }
}

package dev.postbox.jms.jndi;

import dev.postbox.jms.PostboxConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.naming.ConfigurationException;
import javax.naming.NamingException;

/**
 * Sets JavaBean properties of a {@link PostboxConnectionFactory} from text, through its public setters:
 * property names match setters case-insensitively ({@code clientID} and {@code clientId} both call
 * {@code setClientID}); values convert to the setter's parameter type (String, int, long, double, boolean).
 */
final class FactoryProperties {

    private static final Map<String, Method> SETTERS = setters();

    private FactoryProperties() {
    }

    /**
     * Applies the settings of one factory.
     *
     * @throws ConfigurationException naming the factory and property when a property is unknown, a value
     *     does not convert or the setter refuses it
     */
    static void apply(PostboxConnectionFactory factory, String factoryName, Map<String, String> settings)
            throws NamingException {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            Method setter = SETTERS.get(setting.getKey().toLowerCase(Locale.ROOT));
            if (setter == null) {
                throw new ConfigurationException("Unknown property '" + setting.getKey() + "' of connection factory '"
                        + factoryName + "'; the properties are " + knownProperties());
            }
            Object value = convert(factoryName, setting.getKey(), setting.getValue(), setter.getParameterTypes()[0]);
            invoke(factory, factoryName, setting.getKey(), setter, value);
        }
    }

    /** The property names, as JavaBean names ({@code clientID}, {@code jdbcUrl}, ...). */
    static String knownProperties() {
        StringBuilder names = new StringBuilder();
        for (Method setter : SETTERS.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(beanName(setter));
        }
        return names.toString();
    }

    private static Object convert(String factoryName, String property, String text, Class<?> type)
            throws NamingException {
        if (type == String.class) {
            return text;
        }
        String value = text.trim();
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value);
            }
            if (type == long.class || type == Long.class) {
                return Long.valueOf(value);
            }
            if (type == double.class || type == Double.class) {
                return Double.valueOf(value);
            }
            if ((type == boolean.class || type == Boolean.class)
                    && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                return Boolean.valueOf(value);
            }
        } catch (NumberFormatException e) {
            // reported below with the expected type
        }
        throw new ConfigurationException("Property '" + property + "' of connection factory '" + factoryName
                + "' must be a " + type.getSimpleName() + ", not '" + text + "'");
    }

    private static void invoke(PostboxConnectionFactory factory, String factoryName, String property, Method setter,
            Object value) throws NamingException {
        try {
            setter.invoke(factory, value);
        } catch (InvocationTargetException e) {
            ConfigurationException refused = new ConfigurationException("Property '" + property
                    + "' of connection factory '" + factoryName + "' was refused: " + e.getCause());
            refused.setRootCause(e.getCause());
            throw refused;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Public setter not accessible: " + setter, e);
        }
    }

    private static Map<String, Method> setters() {
        Map<String, Method> setters = new TreeMap<>();
        for (Method method : PostboxConnectionFactory.class.getMethods()) {
            boolean setter = method.getName().startsWith("set") && method.getName().length() > 3
                    && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers());
            if (setter) {
                setters.put(method.getName().substring(3).toLowerCase(Locale.ROOT), method);
            }
        }
        return Collections.unmodifiableMap(setters);
    }

    private static String beanName(Method setter) {
        String name = setter.getName().substring(3);
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}

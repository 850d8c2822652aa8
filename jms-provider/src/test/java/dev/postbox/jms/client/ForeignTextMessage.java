package dev.postbox.jms.client;

import jakarta.jms.TextMessage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text message of an imaginary other provider: a dynamic proxy keeping headers and properties in maps.
 * Typed property getters return the stored value as it is (enough for a provider converting it).
 */
final class ForeignTextMessage implements InvocationHandler {

    private final Map<String, Object> headers = new LinkedHashMap<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private ForeignTextMessage() {
    }

    /** A new foreign text message with a body. */
    static TextMessage create(String text) {
        ForeignTextMessage handler = new ForeignTextMessage();
        handler.headers.put("Text", text);
        return (TextMessage) Proxy.newProxyInstance(ForeignTextMessage.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        switch (name) {
            case "toString":
                return "ForeignTextMessage" + headers;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "getPropertyNames":
                return Collections.enumeration(properties.keySet());
            case "propertyExists":
                return properties.containsKey((String) args[0]);
            case "clearProperties":
                properties.clear();
                return null;
            case "acknowledge", "clearBody":
                return null;
            default:
                break;
        }
        if (name.endsWith("Property") && name.startsWith("set")) {
            properties.put((String) args[0], args[1]);
            return null;
        }
        if (name.endsWith("Property") && name.startsWith("get")) {
            return properties.get((String) args[0]);
        }
        if (name.startsWith("set") && args != null && args.length == 1) {
            headers.put(name.substring(3), args[0]);
            return null;
        }
        if (name.startsWith("get") && (args == null || args.length == 0)) {
            Object value = headers.get(name.substring(3));
            return value != null || !method.getReturnType().isPrimitive() ? value : defaultOf(method.getReturnType());
        }
        throw new UnsupportedOperationException(name + " is not used by a provider sending this message");
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        return 0;
    }
}

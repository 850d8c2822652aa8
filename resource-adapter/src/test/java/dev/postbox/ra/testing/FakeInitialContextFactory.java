package dev.postbox.ra.testing;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * The server's JNDI namespace for tests, selected by {@code src/test/resources/jndi.properties}: a flat,
 * JVM-wide map of names to objects that tests {@link #bind} and {@link #unbind}. Contexts support
 * {@code lookup}, {@code getEnvironment} and {@code close}; anything else is refused.
 */
public final class FakeInitialContextFactory implements InitialContextFactory {

    private static final Map<String, Object> BINDINGS = new ConcurrentHashMap<>();

    /** Binds an object under a name (replacing an earlier binding). */
    public static void bind(String name, Object value) {
        BINDINGS.put(name, value);
    }

    /** Removes a binding. */
    public static void unbind(String name) {
        BINDINGS.remove(name);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        Hashtable<?, ?> env = environment == null ? new Hashtable<>() : (Hashtable<?, ?>) environment.clone();
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lookup":
                            return lookup(args[0] instanceof Name name ? name.toString() : (String) args[0]);
                        case "getEnvironment":
                            return env.clone();
                        case "close":
                            return null;
                        case "toString":
                            return "FakeInitialContext";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new OperationNotSupportedException("fake JNDI supports lookup only, not "
                                    + method.getName());
                    }
                });
    }

    private static Object lookup(String name) throws NameNotFoundException {
        Object value = BINDINGS.get(name);
        if (value == null) {
            throw new NameNotFoundException(name + " not bound");
        }
        return value;
    }
}

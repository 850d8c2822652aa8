package dev.postbox.jms.jndi;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTopic;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;

/**
 * The read-only, in-memory JNDI context of {@link PostboxInitialContextFactory}: a flat set of bindings
 * read from the JNDI properties, plus {@value #DYNAMIC_QUEUES}{@code <name>} and
 * {@value #DYNAMIC_TOPICS}{@code <name>}, which return a queue or topic of that name without configuration.
 * Names are composite names whose components are joined with {@code /}. Changes to the environment do not
 * change the bindings; bind, rebind, unbind, rename and subcontexts throw
 * {@link OperationNotSupportedException}.
 */
final class PostboxNamingContext implements Context {

    /** Lookup prefix returning a queue of the name that follows. */
    static final String DYNAMIC_QUEUES = "dynamicQueues/";
    /** Lookup prefix returning a topic of the name that follows. */
    static final String DYNAMIC_TOPICS = "dynamicTopics/";

    private static final NameParser PARSER = CompositeName::new;

    private final Map<String, Object> bindings;
    private final Hashtable<Object, Object> environment;

    PostboxNamingContext(Map<String, Object> bindings, Hashtable<?, ?> environment) {
        this.bindings = bindings;
        this.environment = new Hashtable<>(environment);
    }

    // ----- lookup -----

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(text(name));
    }

    @Override
    public Object lookup(String name) throws NamingException {
        if (name.isEmpty()) {
            return new PostboxNamingContext(bindings, environment);
        }
        Object bound = bindings.get(name);
        if (bound != null) {
            return bound;
        }
        if (name.startsWith(DYNAMIC_QUEUES)) {
            return new PostboxQueue(dynamicName(name, DYNAMIC_QUEUES));
        }
        if (name.startsWith(DYNAMIC_TOPICS)) {
            return new PostboxTopic(dynamicName(name, DYNAMIC_TOPICS));
        }
        NameNotFoundException notFound = new NameNotFoundException("Nothing is bound to '" + name
                + "' in the Postbox JNDI context; bound: " + bindings.keySet());
        notFound.setRemainingName(new CompositeName(name));
        throw notFound;
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    private static String dynamicName(String name, String prefix) throws NamingException {
        String destination = name.substring(prefix.length());
        String problem = PostboxDestination.nameProblem(destination);
        if (problem != null) {
            throw new InvalidNameException("'" + name + "': " + problem);
        }
        return destination;
    }

    // ----- listing -----

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(text(name));
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        checkListable(name);
        List<NameClassPair> pairs = new ArrayList<>();
        bindings.forEach((bound, object) -> pairs.add(new NameClassPair(bound, object.getClass().getName())));
        return new ListEnumeration<>(pairs);
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(text(name));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        checkListable(name);
        List<Binding> pairs = new ArrayList<>();
        bindings.forEach((bound, object) -> pairs.add(new Binding(bound, object)));
        return new ListEnumeration<>(pairs);
    }

    /** Only this context itself (the empty name) can be listed; a bound object is not a context. */
    private void checkListable(String name) throws NamingException {
        if (!name.isEmpty()) {
            lookup(name);
            throw new NotContextException("'" + name + "' is bound to an object, not to a context");
        }
    }

    // ----- read-only -----

    @Override
    public void bind(Name name, Object obj) throws NamingException {
        throw readOnly("bind");
    }

    @Override
    public void bind(String name, Object obj) throws NamingException {
        throw readOnly("bind");
    }

    @Override
    public void rebind(Name name, Object obj) throws NamingException {
        throw readOnly("rebind");
    }

    @Override
    public void rebind(String name, Object obj) throws NamingException {
        throw readOnly("rebind");
    }

    @Override
    public void unbind(Name name) throws NamingException {
        throw readOnly("unbind");
    }

    @Override
    public void unbind(String name) throws NamingException {
        throw readOnly("unbind");
    }

    @Override
    public void rename(Name oldName, Name newName) throws NamingException {
        throw readOnly("rename");
    }

    @Override
    public void rename(String oldName, String newName) throws NamingException {
        throw readOnly("rename");
    }

    @Override
    public void destroySubcontext(Name name) throws NamingException {
        throw readOnly("destroySubcontext");
    }

    @Override
    public void destroySubcontext(String name) throws NamingException {
        throw readOnly("destroySubcontext");
    }

    @Override
    public Context createSubcontext(Name name) throws NamingException {
        throw readOnly("createSubcontext");
    }

    @Override
    public Context createSubcontext(String name) throws NamingException {
        throw readOnly("createSubcontext");
    }

    private static OperationNotSupportedException readOnly(String operation) {
        return new OperationNotSupportedException(operation + ": the Postbox JNDI context is read-only; configure"
                + " it with jndi.properties or the InitialContext environment");
    }

    // ----- names and environment -----

    @Override
    public NameParser getNameParser(Name name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(String name) {
        return PARSER;
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) throws NamingException {
        return composeName(new CompositeName(name), new CompositeName(prefix)).toString();
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    /** Nothing to release: the bindings live in memory. */
    @Override
    public void close() {
        // no resources are held
    }

    @Override
    public String getNameInNamespace() {
        return "";
    }

    private static String text(Name name) {
        return String.join("/", java.util.Collections.list(name.getAll()));
    }

    /** A NamingEnumeration over a list made in advance. */
    private static final class ListEnumeration<T> implements NamingEnumeration<T> {

        private final Iterator<T> items;

        ListEnumeration(List<T> items) {
            this.items = items.iterator();
        }

        @Override
        public T next() {
            return nextElement();
        }

        @Override
        public boolean hasMore() {
            return items.hasNext();
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public boolean hasMoreElements() {
            return items.hasNext();
        }

        @Override
        public T nextElement() {
            if (!items.hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}

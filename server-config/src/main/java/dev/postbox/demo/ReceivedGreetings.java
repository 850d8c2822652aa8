package dev.postbox.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last greetings the demo MDB consumed, newest first (kept in memory for the demo page). */
@ApplicationScoped
public class ReceivedGreetings {

    /**
     * One consumed greeting.
     *
     * @param messageId its JMSMessageID
     * @param text its body
     * @param consumedAt when the MDB got it
     */
    public record Greeting(String messageId, String text, String consumedAt) {
    }

    private static final int KEEP = 50;
    private final Deque<Greeting> greetings = new ArrayDeque<>();

    synchronized void add(String messageId, String text) {
        greetings.addFirst(new Greeting(messageId, text, Instant.now().toString()));
        while (greetings.size() > KEEP) {
            greetings.removeLast();
        }
    }

    /** The kept greetings, newest first. */
    public synchronized List<Greeting> list() {
        return new ArrayList<>(greetings);
    }
}

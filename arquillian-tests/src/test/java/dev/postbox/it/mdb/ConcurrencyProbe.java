package dev.postbox.it.mdb;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;

/** Counts deliveries running at the same time, and the most seen. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConcurrencyProbe {

    private int running;
    private int mostRunning;

    /** Enters, waits until {@code peers} deliveries run at once or the timeout passes, then leaves. */
    public void enterAndAwaitPeers(int peers, Duration timeout) {
        synchronized (this) {
            running++;
            mostRunning = Math.max(mostRunning, running);
            notifyAll();
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            try {
                while (running < peers && mostRunning < peers) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running--;
            }
        }
    }

    /** The most deliveries seen running at once. */
    public synchronized int mostRunning() {
        return mostRunning;
    }
}

package dev.postbox.jms.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages this node has claimed and handed to a session or endpoint, until they are acknowledged,
 * released or dead-lettered. A row the store shows claimed by this node that no session holds is an
 * orphan: its claim committed although the claiming call failed (the commit's answer was lost), or its
 * acknowledgement failed after the session let it go. Orphans seen at two sweeps in a row are given back.
 */
final class InFlight {

    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private Set<Long> suspects = Set.of(); // sweep thread only

    void hold(Collection<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            held.add(delivery.id());
        }
    }

    void letGo(Collection<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            held.remove(delivery.id());
        }
    }

    /**
     * Compares the rows the store shows claimed by this node with the ones sessions hold.
     *
     * @return the ids that were unheld at the previous sweep too: orphans to give back
     */
    List<Long> orphans(Collection<Long> claimedInStore) {
        Set<Long> unheld = new HashSet<>();
        for (long id : claimedInStore) {
            if (!held.contains(id)) {
                unheld.add(id);
            }
        }
        List<Long> orphans = new ArrayList<>();
        for (long id : unheld) {
            if (suspects.contains(id)) {
                orphans.add(id);
            }
        }
        unheld.removeAll(orphans);
        suspects = unheld;
        return orphans;
    }

    int size() {
        return held.size();
    }
}

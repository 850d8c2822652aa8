package dev.postbox.it.mdb;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Counts the business rows the order processor wrote. */
@Stateless
public class Orders {

    @PersistenceContext(unitName = "it")
    EntityManager em;

    /** Rows written for an order text. */
    public long count(String orderText) {
        return em.createQuery("SELECT COUNT(o) FROM ProcessedOrder o WHERE o.orderText = :text", Long.class)
                .setParameter("text", orderText).getSingleResult();
    }
}

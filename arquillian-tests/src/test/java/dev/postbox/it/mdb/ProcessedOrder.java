package dev.postbox.it.mdb;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A business row written by the application in the same transaction as the consume. */
@Entity
@Table(name = "it_processed_order")
public class ProcessedOrder {

    @Id
    @GeneratedValue
    Long id;

    String orderText;

    protected ProcessedOrder() {
    }

    ProcessedOrder(String orderText) {
        this.orderText = orderText;
    }
}

package dev.postbox.jms.selector;

import static dev.postbox.jms.selector.SelectorTestSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sanity, not a benchmark: a parsed selector evaluates a million times well within the class timeout. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SelectorPerformanceTest {

    private static final int EVALUATIONS = 1_000_000;

    @Test
    void aParsedSelectorEvaluatesAMillionTimes() {
        Selector selector = selector("JMSType = 'order' AND JMSPriority >= 4 AND region IN ('EU', 'US', 'UK')"
                + " AND customer LIKE 'ACME%' AND (amount BETWEEN 100 AND 10000 OR urgent)"
                + " AND JMSXDeliveryCount < 5 AND discount IS NULL");
        SelectorContext matching = MapSelectorContext.of("JMSType", "order", "JMSPriority", 5, "region", "UK",
                "customer", "ACME Corp", "amount", 250.0, "urgent", false, "JMSXDeliveryCount", 1);
        SelectorContext failing = MapSelectorContext.of("JMSType", "order", "JMSPriority", 5, "region", "UK",
                "customer", "Other Corp", "amount", 250.0, "urgent", false, "JMSXDeliveryCount", 1);

        int matched = 0;
        for (int i = 0; i < EVALUATIONS; i++) {
            if (selector.matches(i % 2 == 0 ? matching : failing)) {
                matched++;
            }
        }

        assertEquals(EVALUATIONS / 2, matched);
    }

    @Test
    void anArithmeticSelectorEvaluatesAMillionTimes() {
        Selector selector = selector("(price * quantity - discount) / 2 > 100 AND weight + 0.5 <= 10");
        SelectorContext context = MapSelectorContext.of("price", 25, "quantity", 10L, "discount", 5.5, "weight", 2.5f);

        int matched = 0;
        for (int i = 0; i < EVALUATIONS; i++) {
            if (selector.matches(context)) {
                matched++;
            }
        }

        assertEquals(EVALUATIONS, matched);
    }

    @Test
    void aLargeSelectorParsesQuickly() {
        StringBuilder text = new StringBuilder("x = 0");
        for (int i = 1; i < 5_000; i++) {
            text.append(" OR x = ").append(i);
        }

        for (int i = 0; i < 20; i++) {
            assertEquals(1, selector(text.toString()).identifiers().size());
        }
    }
}

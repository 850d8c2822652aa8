package dev.postbox.benchmarks.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * A {@link MessageConsumer} in a receive loop: CLIENT_ACKNOWLEDGE with {@link Message#acknowledge()} per
 * {@link #complete()}, or a transacted session committed by {@link #complete()}.
 */
final class JmsReceiver implements Receiver {

    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;
    private byte[] body = new byte[0];
    private Message last; // the last message received and not yet completed; receiving thread only

    JmsReceiver(Connection connection, Session session, Queue queue) throws JMSException {
        this.connection = connection;
        this.session = session;
        this.consumer = session.createConsumer(queue);
    }

    @Override
    public long receive(long timeoutMillis) throws JMSException {
        Message message = consumer.receive(timeoutMillis);
        if (message == null) {
            return NOTHING;
        }
        if (message instanceof BytesMessage bytes) {
            int length = (int) bytes.getBodyLength();
            if (body.length != length) {
                body = new byte[length];
            }
            bytes.readBytes(body);
        }
        last = message;
        return message.getLongProperty(JmsClient.SENT_NANOS);
    }

    @Override
    public void complete() throws JMSException {
        if (session.getTransacted()) {
            session.commit();
        } else if (last != null) {
            last.acknowledge();
        }
        last = null;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}

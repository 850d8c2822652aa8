package dev.postbox.benchmarks.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** A persistent {@link MessageProducer} on its own connection; a new {@link BytesMessage} per send. */
final class JmsSender implements Sender {

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;

    JmsSender(Connection connection, Session session, Queue queue) throws JMSException {
        this.connection = connection;
        this.session = session;
        this.producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    @Override
    public void send(byte[] payload, long sentNanos) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(payload);
        message.setLongProperty(JmsClient.SENT_NANOS, sentNanos);
        producer.send(message);
    }

    @Override
    public void complete() throws JMSException {
        if (session.getTransacted()) {
            session.commit();
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}

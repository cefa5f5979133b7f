package kh.gov.spean.node.operations;

import java.util.Properties;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/** Makes camel-kafka's producers and consumers as Camel does, each reporting its Kafka client metrics at /metrics. */
public final class MeteredKafkaClients extends DefaultKafkaClientFactory {

    private final NodeMetrics metrics;

    public MeteredKafkaClients(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Producer getProducer(Properties properties) {
        Producer<?, ?> producer = super.getProducer(properties);
        metrics.watch(new KafkaClientMetrics(producer));
        return producer;
    }

    @Override
    public Consumer getConsumer(Properties properties) {
        Consumer<?, ?> consumer = super.getConsumer(properties);
        metrics.watch(new KafkaClientMetrics(consumer));
        return consumer;
    }
}

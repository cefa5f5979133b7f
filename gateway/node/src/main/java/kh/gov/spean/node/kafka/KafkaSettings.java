package kh.gov.spean.node.kafka;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How the node talks to Kafka: byte-exact (de)serialisers — camel-kafka's String defaults corrupt binary bodies —,
 * an idempotent producer with {@code acks=all}, and record limits that fit the largest envelope.
 *
 * @param bootstrapServers HOST:PORT[,HOST:PORT…]
 * @param maxRecordBytes   the largest record produced or fetched (an envelope: payload base64, header, signature)
 * @param clientProperties further client settings for every producer, consumer and admin client, such as TLS
 *                         ({@code security.protocol=SSL}, truststore, keystore); the settings above take precedence
 */
public record KafkaSettings(String bootstrapServers, int maxRecordBytes, Map<String, String> clientProperties) {

    /** Room for a 10 MiB payload base64-encoded inside its envelope, with margin. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
    /**
     * No waiting for more records: a node's producer sends a request's envelope at once, and under load records batch
     * anyway behind the requests in flight. A linger would add its whole length to every hop at the rates a ministry
     * sees, and the provider's consumer waits for each answer's acknowledgement.
     */
    static final int LINGER_MS = 0;
    static final int BATCH_BYTES = 256 * 1024;
    static final int POLL_TIMEOUT_MS = 500;
    static final int SESSION_TIMEOUT_MS = 10_000;
    static final int HEARTBEAT_INTERVAL_MS = 3_000;
    static final int SHUTDOWN_TIMEOUT_MS = 5_000;

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSettings defaults(String bootstrapServers, int maxRecordBytes) {
        return new KafkaSettings(bootstrapServers, maxRecordBytes, Map.of());
    }

    public KafkaSettings withClientProperties(Map<String, String> properties) {
        return new KafkaSettings(bootstrapServers, maxRecordBytes, properties);
    }

    public Properties producerProperties() {
        Properties properties = startingProperties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(BATCH_BYTES));
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRecordBytes));
        return properties;
    }

    /**
     * Plain consumers (tools, tests) start at the earliest record of a new group and auto-commit; the node's own routes
     * use {@link #camelConsumerOptions}, which commit only after processing.
     */
    public Properties consumerProperties(String groupId) {
        Properties properties = startingProperties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(maxRecordBytes));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(Math.max(maxRecordBytes, 50 * 1024 * 1024)));
        return properties;
    }

    public Properties adminProperties() {
        Properties properties = startingProperties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /** camel-kafka endpoint options for the producer, the same settings as {@link #producerProperties()}. */
    public String camelProducerOptions() {
        return "brokers=" + bootstrapServers
                + "&keySerializer=" + ByteArraySerializer.class.getName()
                + "&valueSerializer=" + ByteArraySerializer.class.getName()
                + "&requestRequiredAcks=all&enableIdempotence=true"
                + "&lingerMs=" + LINGER_MS
                + "&producerBatchSize=" + BATCH_BYTES
                + "&maxRequestSize=" + maxRecordBytes
                // Where each record landed, for a delivery claim to find itself among the others (decision 0034).
                + "&recordMetadata=true"
                + camelAdditionalProperties();
    }

    /** camel-kafka endpoint options for a consumer group, the same settings as {@link #consumerProperties(String)}. */
    public String camelConsumerOptions(String groupId, int consumers) {
        return "brokers=" + bootstrapServers
                + "&groupId=" + groupId
                + "&keyDeserializer=" + ByteArrayDeserializer.class.getName()
                + "&valueDeserializer=" + ByteArrayDeserializer.class.getName()
                + "&autoOffsetReset=earliest"
                // Offsets are committed by the route once a record's log entry and hand-off are durable (CommitOffset);
                // a record whose processing fails outright is read again rather than skipped.
                + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                // The route's commit is sent at the consumer's next poll rather than as a blocking round trip per
                // record — still only after the record's log entry and hand-off are durable; a commit lost in a crash
                // means the record is read again, and refused as a replay or answered again (one-way receipts).
                + "&kafkaManualCommitFactory=#class:" + DefaultKafkaManualAsyncCommitFactory.class.getName()
                + "&consumersCount=" + consumers
                + "&maxPartitionFetchBytes=" + maxRecordBytes
                + "&fetchMaxBytes=" + Math.max(maxRecordBytes, 50 * 1024 * 1024)
                // A short poll lets a stopping node leave its group in about a second rather than five.
                + "&pollTimeoutMs=" + POLL_TIMEOUT_MS
                // A node killed outright holds its partitions until its session times out: 10 s, not Kafka's 45 s.
                + "&sessionTimeoutMs=" + SESSION_TIMEOUT_MS + "&heartbeatIntervalMs=" + HEARTBEAT_INTERVAL_MS
                + "&shutdownTimeout=" + SHUTDOWN_TIMEOUT_MS
                + camelAdditionalProperties();
    }

    /** A new property set holding the client settings, for the node's own settings to go on top. */
    private Properties startingProperties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        return properties;
    }

    /** The client settings as camel-kafka's {@code additionalProperties.*} options, values taken verbatim (RAW). */
    private String camelAdditionalProperties() {
        StringBuilder options = new StringBuilder();
        clientProperties.forEach((name, value) ->
                options.append("&additionalProperties.").append(name).append("=RAW(").append(value).append(')'));
        return options.toString();
    }
}

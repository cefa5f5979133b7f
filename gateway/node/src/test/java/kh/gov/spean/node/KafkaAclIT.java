package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.kafka.KafkaAccessControl;
import kh.gov.spean.node.kafka.KafkaAcls;
import kh.gov.spean.node.kafka.KafkaAdministrator;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.MemberQuota;
import kh.gov.spean.node.kafka.ScramCredentials;
import kh.gov.spean.node.kafka.SecretFiles;
import kh.gov.spean.node.kafka.Topics;

/**
 * Kafka knows who writes: a real broker with Kafka's StandardAuthorizer and SCRAM-SHA-512 logins, the ACLs and quotas
 * generated from the federation, and two nodes — Interior and Economy and Finance — each logged in as its member.
 * One member's login cannot read, join, commit, create, delete or reconfigure what is another's, and one member's
 * flood is throttled while another's call goes through.
 */
class KafkaAclIT {

    /** A quota far below the default, so that a flood from one test producer is throttled for certain. */
    private static final MemberQuota FLOOD_QUOTA = new MemberQuota(256 * 1024, 25);
    private static final Duration REFUSAL_DEADLINE = Duration.ofSeconds(15);

    @TempDir
    static Path data;
    @TempDir
    static Path kafkaData;
    @TempDir
    static Path federationForAcls;
    static EmbeddedKafkaBroker broker;
    static TestNetwork network;
    static final Map<MemberId, String> passwords = new HashMap<>();
    static List<MemberId> members;
    static ConnectorExample match;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.startWithAuthentication(kafkaData, 0);
        // The operator's side: the federation's members, their logins, ACLs, quotas and topics.
        Path root = TestNetwork.repositoryRoot();
        new FederationInitializer(Clock.systemUTC()).initialize(root.resolve("seeds/federation.json"),
                root.resolve("schemas"), federationForAcls);
        members = FederationLoader.load(FederationFiles.in(federationForAcls), Clock.systemUTC().instant()).members()
                .stream().map(Federation.Member::id).toList();
        KafkaSettings admin = kafka(broker.adminClientProperties());
        try (KafkaAccessControl access = new KafkaAccessControl(admin);
             KafkaAdministrator topics = new KafkaAdministrator(admin)) {
            for (MemberId member : members) {
                passwords.put(member, SecretFiles.randomSecret());
                access.register(ScramCredentials.of(member, passwords.get(member)));
            }
            access.grant(KafkaAcls.forMembers(members));
            access.limit(members, MemberQuota.defaults());
            access.limit(List.of(TestNetwork.MPTC), FLOOD_QUOTA);
            topics.ensureDeliveredTopics(members, Duration.ofMinutes(10));
            topics.ensureTopics(Topics.all(members), NodeSettings.DEFAULT_INBOX_PARTITIONS);
            for (MemberId member : members) {
                access.awaitInForce(ScramCredentials.of(member, passwords.get(member)), Topics.usedBy(member, members));
            }
        }
        network = TestNetwork.start(data, Duration.ofSeconds(20), settings -> settings.withKafka(
                broker.bootstrapServers(), loginOf(settings.member())), TestNetwork.MOI, TestNetwork.MEF);
        match = ConnectorExample.read("moi-id-registry", "match");
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_genuine_exchange_between_two_nodes_goes_through_with_acls_on() throws Exception {
        HttpResponse<String> response = network.call(network.mef(), match.client(), match.service(), match.request());

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void a_member_cannot_read_another_members_inbox() {
        try (KafkaConsumer<byte[], byte[]> economy = consumer(TestNetwork.MEF, Topics.inboxGroup(TestNetwork.MEF))) {
            economy.assign(List.of(new TopicPartition(Topics.inbox(TestNetwork.MOI), 0)));
            economy.seekToBeginning(economy.assignment());

            Exception refusal = assertThrows(Exception.class, () -> pollUntilRefused(economy));
            assertInstanceOf(TopicAuthorizationException.class, refusal, refusal.toString());
        }
    }

    @Test
    void a_member_cannot_join_another_members_inbox_group() {
        try (KafkaConsumer<byte[], byte[]> economy = consumer(TestNetwork.MEF, Topics.inboxGroup(TestNetwork.MOI))) {
            economy.subscribe(List.of(Topics.inbox(TestNetwork.MEF)));

            Exception refusal = assertThrows(Exception.class, () -> pollUntilRefused(economy));
            assertInstanceOf(GroupAuthorizationException.class, refusal, refusal.toString());
        }
    }

    @Test
    void a_member_cannot_join_another_members_answers_group_though_its_name_begins_alike() {
        try (KafkaConsumer<byte[], byte[]> economy = consumer(TestNetwork.MEF,
                Topics.answersGroup(TestNetwork.MOI, NodeSettings.DEFAULT_NODE_NAME))) {
            economy.subscribe(List.of(Topics.answers(TestNetwork.MEF)));

            Exception refusal = assertThrows(Exception.class, () -> pollUntilRefused(economy));
            assertInstanceOf(GroupAuthorizationException.class, refusal, refusal.toString());
        }
    }

    @Test
    void a_member_cannot_commit_offsets_for_another_members_group() {
        try (KafkaConsumer<byte[], byte[]> economy = consumer(TestNetwork.MEF, Topics.inboxGroup(TestNetwork.MOI));
             Admin economyAdmin = Admin.create(kafka(loginOf(TestNetwork.MEF)).adminProperties())) {
            TopicPartition ownInbox = new TopicPartition(Topics.inbox(TestNetwork.MEF), 0);
            economy.assign(List.of(ownInbox));

            assertThrows(GroupAuthorizationException.class,
                    () -> economy.commitSync(Map.of(ownInbox, new OffsetAndMetadata(0))));
            // Skipping Interior's inbox forward — the silent drop of its requests — through the Admin API instead.
            ExecutionException skip = assertThrows(ExecutionException.class, () -> economyAdmin.alterConsumerGroupOffsets(
                    Topics.inboxGroup(TestNetwork.MOI), Map.of(new TopicPartition(Topics.inbox(TestNetwork.MOI), 0),
                            new OffsetAndMetadata(1_000_000))).all().get());
            assertInstanceOf(GroupAuthorizationException.class, skip.getCause(), skip.toString());
        }
    }

    @Test
    void a_member_cannot_create_delete_or_reconfigure_a_topic_nor_grant_itself_more() {
        try (Admin economy = Admin.create(kafka(loginOf(TestNetwork.MEF)).adminProperties())) {
            String interiorInbox = Topics.inbox(TestNetwork.MOI);

            assertRefused(TopicAuthorizationException.class, () -> economy.createTopics(List.of(
                    new NewTopic("spean.inbox.KH.GOV.NOBODY", 1, (short) 1))).all().get());
            assertRefused(TopicAuthorizationException.class, () -> economy.deleteTopics(List.of(interiorInbox)).all().get());
            assertRefused(TopicAuthorizationException.class, () -> economy.deleteTopics(
                    List.of(Topics.inbox(TestNetwork.MEF))).all().get());
            assertRefused(TopicAuthorizationException.class, () -> economy.incrementalAlterConfigs(Map.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, interiorInbox), List.of(new AlterConfigOp(
                            new ConfigEntry("retention.ms", "1"), AlterConfigOp.OpType.SET)))).all().get());
            assertRefused(TopicAuthorizationException.class, () -> economy.createPartitions(Map.of(interiorInbox,
                    NewPartitions.increaseTo(64))).all().get());
            assertRefused(ClusterAuthorizationException.class, () -> economy.createAcls(
                    KafkaAcls.forMember(TestNetwork.MOI, members)).all().get());
        }
    }

    @Test
    void a_client_without_the_members_password_is_not_served() {
        Map<String, String> wrong = new ScramCredentials(KafkaAcls.userOf(TestNetwork.MOI), "not-the-password")
                .clientProperties(Map.of());
        try (Admin impostor = Admin.create(quick(kafka(wrong).adminProperties()))) {
            assertRefused(SaslAuthenticationException.class, () -> impostor.listTopics().names().get());
        }
        try (Admin anonymous = Admin.create(quick(kafka(Map.of()).adminProperties()))) {
            assertThrows(ExecutionException.class, () -> anonymous.listTopics().names().get(),
                    "a client that does not log in is not served");
        }
    }

    @Test
    void a_members_flood_is_throttled_while_another_members_calls_go_through() throws Exception {
        List<Long> before = timedCalls(5);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong floodedBytes = new AtomicLong();
        Properties floodSettings = kafka(loginOf(TestNetwork.MPTC)).producerProperties();
        floodSettings.put(ProducerConfig.ACKS_CONFIG, "1");
        floodSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        floodSettings.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        floodSettings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(4 * 1024 * 1024));
        byte[] junk = new byte[16 * 1024];
        double throttleMaxMs;
        long floodStarted = System.nanoTime();
        long floodMillis;
        List<Long> during;
        try (KafkaProducer<byte[], byte[]> flood = new KafkaProducer<>(floodSettings)) {
            Thread flooder = new Thread(() -> {
                while (flooding.get()) {
                    flood.send(new ProducerRecord<>(Topics.inbox(TestNetwork.MLMUPC), junk), (metadata, failure) -> {
                        if (failure == null) {
                            floodedBytes.addAndGet(junk.length);
                        }
                    });
                }
            }, "flood-from-mptc");
            flooder.start();
            try {
                during = timedCalls(10);
            } finally {
                flooding.set(false);
                flooder.join(Duration.ofSeconds(70).toMillis());
            }
            floodMillis = (System.nanoTime() - floodStarted) / 1_000_000;
            throttleMaxMs = flood.metrics().entrySet().stream()
                    .filter(metric -> metric.getKey().name().equals("produce-throttle-time-max")
                            && metric.getKey().group().equals("producer-metrics"))
                    .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                    .max().orElse(0);
            flood.close(Duration.ZERO);
        }
        System.out.printf("KafkaAclIT flood: MPTC produced %d KiB in %d ms (%.0f KiB/s) against a quota of %d KiB/s;"
                        + " the broker throttled it up to %.0f ms a request%n", floodedBytes.get() / 1024, floodMillis,
                floodedBytes.get() / 1024.0 / (floodMillis / 1000.0), FLOOD_QUOTA.producerByteRate() / 1024, throttleMaxMs);
        System.out.printf("KafkaAclIT flood: MEF -> MOI verifyCitizen, ms per call: before the flood %s, during it %s%n",
                before, during);
        assertTrue(throttleMaxMs > 0, "the broker throttled the flooding member");
    }

    /** Genuine calls from Economy and Finance to Interior, each answered 200; their durations in milliseconds. */
    private static List<Long> timedCalls(int count) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = network.call(network.mef(), match.client(), match.service(), match.request());
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertEquals(200, response.statusCode(), response.body());
        }
        return millis;
    }

    /** Polls until Kafka refuses: the refusal comes with a poll once the consumer has asked the broker. */
    private static void pollUntilRefused(KafkaConsumer<byte[], byte[]> consumer) {
        long deadline = System.nanoTime() + REFUSAL_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
    }

    private static void assertRefused(Class<? extends Exception> expected, org.junit.jupiter.api.function.Executable call) {
        ExecutionException refusal = assertThrows(ExecutionException.class, call);
        assertInstanceOf(expected, refusal.getCause(), refusal.toString());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(MemberId member, String groupId) {
        Properties properties = kafka(loginOf(member)).consumerProperties(groupId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties);
    }

    private static Map<String, String> loginOf(MemberId member) {
        return ScramCredentials.of(member, passwords.get(member)).clientProperties(Map.of());
    }

    private static KafkaSettings kafka(Map<String, String> clientProperties) {
        return KafkaSettings.defaults(broker.bootstrapServers(), KafkaSettings.DEFAULT_MAX_RECORD_BYTES)
                .withClientProperties(clientProperties);
    }

    private static Properties quick(Properties admin) {
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return admin;
    }
}

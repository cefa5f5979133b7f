package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.LogEntry;
import kh.gov.spean.log.LogEntryKind;
import kh.gov.spean.log.LogReader;
import kh.gov.spean.node.kafka.SharedKafkaBroker;
import kh.gov.spean.privacy.SubjectTagKeys;

/**
 * The data subject, blinded: calls that name citizens at Interior's verifyCitizen (in the body) and at Land
 * Management's titles a citizen holds (in the path) are logged by each provider's node with the keyed tag of the
 * citizen — different at the two members — and no national id is anywhere in any node's data folder or on Kafka,
 * not even in the refusal of a mistyped one.
 * After Interior rotates its key, new entries carry the new version and a lookup still finds the old ones; without a
 * key, its node refuses to start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubjectTagsIT {

    /** Citizens no other test names, so that a find on the shared broker can only be this test's. */
    static final String CITIZEN = "071829364";
    static final String OTHER_CITIZEN = "082937465";
    static final String LAND_TITLES = "KH/GOV/MLMUPC/LAND-REGISTRY/landTitles";
    static final String TAX = "KH/GOV/MEF/TAX-REGISTRY";

    @TempDir
    static Path data;
    static TestNetwork network;
    static Instant started;

    @BeforeAll
    static void start() throws Exception {
        started = Instant.now();
        network = TestNetwork.start(data, Duration.ofSeconds(30), settings -> settings, TestNetwork.MEF,
                TestNetwork.MOI, TestNetwork.MLMUPC);
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(1)
    void each_provider_logs_the_keyed_tag_of_the_citizen_a_call_names() throws Exception {
        assertEquals(200, verifyCitizen(CITIZEN).statusCode());
        assertEquals(200, verifyCitizen(OTHER_CITIZEN).statusCode());
        HttpResponse<String> titles = titlesHeldBy(CITIZEN);
        assertEquals(200, titles.statusCode(), titles.body());
        assertEquals(200, titlesOfParcel().statusCode());
        HttpResponse<String> mistyped = titlesHeldBy(CITIZEN + "5");
        assertEquals(400, mistyped.statusCode(), "ten digits are no national id");
        assertTrue(mistyped.body().contains("[data subject]") && !mistyped.body().contains(CITIZEN), mistyped.body());

        SubjectTagKeys interior = keys(TestNetwork.MOI);
        SubjectTagKeys land = keys(TestNetwork.MLMUPC);
        List<String> interiorTags = deliveredTags(TestNetwork.MOI, "verifyCitizen");
        assertEquals(List.of(interior.tag(CITIZEN), interior.tag(OTHER_CITIZEN)), interiorTags);
        assertTrue(interiorTags.stream().allMatch(tag -> tag.startsWith("v1:")), interiorTags.toString());
        assertEquals(List.of(land.tag(CITIZEN)), deliveredTags(TestNetwork.MLMUPC, "landTitles").stream()
                .filter(tag -> tag != null).toList());
        assertEquals(2, deliveredTags(TestNetwork.MLMUPC, "landTitles").size(),
                "the title looked up by its number names no citizen: delivered without a tag");
        assertNotEquals(interior.tag(CITIZEN), land.tag(CITIZEN), "the same citizen, unrelated tags at two members");
    }

    @Test
    @Order(2)
    void no_national_id_is_in_any_data_folder_or_on_kafka() throws Exception {
        List<byte[]> forms = new ArrayList<>();
        for (String id : List.of(CITIZEN, OTHER_CITIZEN)) {
            forms.add(id.getBytes(StandardCharsets.UTF_8));
            forms.add(jsonEscaped(id).getBytes(StandardCharsets.UTF_8));
        }
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files++;
                if (containsAny(Files.readAllBytes(file), forms)) {
                    found.add(data.relativize(file).toString());
                }
            }
        }
        int records = 0;
        for (ConsumerRecord<byte[], byte[]> record : recordsSince(started)) {
            records++;
            boolean inHeaders = false;
            for (Header header : record.headers()) {
                inHeaders |= containsAny(header.value(), forms);
            }
            if (containsAny(record.value(), forms) || containsAny(record.key(), forms) || inHeaders) {
                found.add(record.topic() + "@" + record.offset());
            }
        }
        System.out.println("SubjectTagsIT: scanned " + files + " files and " + records + " Kafka records for "
                + forms.size() + " forms of 2 national ids");
        assertTrue(files > 10 && records > 5, files + " files, " + records + " records");
        byte[] tag = keys(TestNetwork.MOI).tag(CITIZEN).getBytes(StandardCharsets.UTF_8);
        assertTrue(containsAny(Files.readAllBytes(network.moi().log().files().entries()),
                List.of(tag)), "the scan finds what is there: the citizen's tag in Interior's log");
        assertEquals(List.of(), found);
    }

    @Test
    @Order(3)
    void after_a_rotation_new_entries_carry_the_new_version_and_old_ones_are_still_found() throws Exception {
        Path folder = MemberFiles.in(data, TestNetwork.MOI).subjectTagKeys();
        SubjectTagKeys rotated = SubjectTagKeys.rotate(folder);
        assertEquals(2, rotated.currentVersion());
        assertEquals(200, verifyCitizen(CITIZEN).statusCode());

        List<String> tags = deliveredTags(TestNetwork.MOI, "verifyCitizen");
        assertEquals(rotated.tag(CITIZEN), tags.get(tags.size() - 1));
        assertTrue(tags.get(tags.size() - 1).startsWith("v2:"));
        List<String> lookup = rotated.tags(CITIZEN);
        assertEquals(2, tags.stream().filter(lookup::contains).count(), "the v1 entry and the v2 entry: " + tags);
    }

    @Test
    @Order(4)
    void a_provider_of_a_marked_service_refuses_to_start_without_its_key_and_says_why() throws Exception {
        NodeSettings settings = network.moi().settings();
        network.stop(TestNetwork.MOI);
        Path folder = MemberFiles.in(data, TestNetwork.MOI).subjectTagKeys();
        Path aside = Files.move(folder, data.resolve("subject-tags-aside"));

        SpeanException refused = assertThrows(SpeanException.class, () -> GatewayNode.start(settings, Clock.systemUTC()));
        assertEquals(ErrorCode.CONFIGURATION_INVALID, refused.code());
        assertTrue(refused.getMessage().contains("marks a data subject"), refused.getMessage());

        Files.move(aside, folder);
        network.restart(TestNetwork.MOI);
        assertEquals(200, verifyCitizen(CITIZEN).statusCode());
    }

    static HttpResponse<String> verifyCitizen(String nationalId) throws Exception {
        return network.call(network.mef(), TestNetwork.BUSINESS_REGISTRY, TestNetwork.VERIFY_CITIZEN,
                "{\"nationalId\":\"" + nationalId + "\",\"fullNameEn\":\"Test Citizen\",\"dateOfBirth\":\"1990-01-31\"}");
    }

    static HttpResponse<String> titlesHeldBy(String nationalId) throws Exception {
        return get(LAND_TITLES + "/owners/" + nationalId + "/titles");
    }

    static HttpResponse<String> titlesOfParcel() throws Exception {
        return get(LAND_TITLES + "/titles/PP-0123-04567");
    }

    static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(network.mef().baseUri() + "/r1/" + path))
                .timeout(Duration.ofSeconds(60)).header("X-Road-Client", TAX).header("Accept", "application/json")
                .header("X-Road-UserId", "TAX-OFFICER-17").header("X-Spean-Purpose", "TAX_ASSESSMENT").GET().build();
        return network.http(network.mef(), TAX).send(request, HttpResponse.BodyHandlers.ofString());
    }

    static SubjectTagKeys keys(MemberId member) {
        return SubjectTagKeys.load(MemberFiles.in(data, member).subjectTagKeys());
    }

    /** The subject tags of the provider's delivered entries for one service, in log order (null where none). */
    static List<String> deliveredTags(MemberId provider, String serviceCode) throws IOException {
        List<String> tags = new ArrayList<>();
        LogReader.forEach(network.node(provider).log().files(), stored -> {
            LogEntry entry = stored.entry();
            if (LogEntryKind.DELIVERED.wireName().equals(entry.kind()) && entry.service().contains("/" + serviceCode)) {
                tags.add(entry.subjectTag());
            }
        });
        return tags;
    }

    /** Every record of every topic on the broker written since {@code since}, read raw. */
    static List<ConsumerRecord<byte[], byte[]>> recordsSince(Instant since) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(properties)) {
            Set<String> topics = admin.listTopics().names().get();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the topics were not read to their end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.timestamp() >= since.toEpochMilli()) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        return escaped.toString();
    }

    static boolean containsAny(byte[] haystack, List<byte[]> needles) {
        if (haystack == null) {
            return false;
        }
        for (byte[] needle : needles) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}

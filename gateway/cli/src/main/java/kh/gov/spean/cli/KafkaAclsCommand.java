package kh.gov.spean.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.kafka.KafkaAccessControl;
import kh.gov.spean.node.kafka.KafkaAcls;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.MemberQuota;
import kh.gov.spean.node.kafka.ScramCredentials;
import kh.gov.spean.node.kafka.Topics;

/**
 * {@code spean kafka acls}: the Kafka ACLs and quotas that keep each member of the federation to its own topics and
 * groups, printed; with {@code --apply}, applied as the cluster's administrator, with the topics created and the
 * members' SCRAM logins registered (decision 0032).
 */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = "Print the federation's Kafka ACLs and quotas; --apply creates the topics and applies them.")
public final class KafkaAclsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Data directory holding the federation configuration.")
    Path data;

    @Option(names = "--apply", description = "Create the topics and apply the ACLs and quotas through Kafka's Admin API.")
    boolean apply;

    @Option(names = "--kafka-bootstrap", defaultValue = "127.0.0.1:9092",
            description = "The cluster, HOST:PORT[,...] (default: ${DEFAULT-VALUE}).")
    String kafkaBootstrap;

    @Option(names = "--kafka-config", description = "The administrator's client settings (a super user's login, TLS),"
            + " e.g. the admin.properties 'spean kafka --authentication' writes.")
    Path kafkaConfig;

    @Option(names = "--partitions", defaultValue = "" + NodeSettings.DEFAULT_INBOX_PARTITIONS,
            description = "Partitions of each topic created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--max-message-bytes", defaultValue = "" + NodeSettings.DEFAULT_MAX_MESSAGE_BYTES,
            description = "The nodes' largest payload, which sizes the topics' largest record (default: ${DEFAULT-VALUE}).")
    int maxMessageBytes;

    @Option(names = "--producer-byte-rate", defaultValue = "" + MemberQuota.DEFAULT_PRODUCER_BYTE_RATE,
            description = "Bytes per second each member may produce to each broker (default: ${DEFAULT-VALUE}).")
    long producerByteRate;

    @Option(names = "--request-percentage", defaultValue = "" + MemberQuota.DEFAULT_REQUEST_PERCENTAGE,
            description = "Share of one broker thread each member's requests may take, in percent (default: ${DEFAULT-VALUE}).")
    double requestPercentage;

    @Option(names = "--member-password-file", paramLabel = "MEMBER=FILE", description = "With --apply: register MEMBER's"
            + " Kafka login (SCRAM-SHA-512, user MEMBER) with the password in FILE, the one its nodes'"
            + " --kafka-password-file holds, and wait until the brokers accept it; repeat per member.")
    Map<String, Path> memberPasswordFiles = new LinkedHashMap<>();

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        List<MemberId> members = FederationLoader.loadConfiguration(FederationFiles.in(data), Clock.systemUTC().instant())
                .members().stream().map(member -> MemberId.parse(member.id())).sorted(Comparator.comparing(MemberId::toString)).toList();
        MemberQuota quota = new MemberQuota(producerByteRate, requestPercentage);
        out.println("# Kafka ACLs for the federation's " + members.size() + " members (READ and WRITE imply DESCRIBE;"
                + " no member may create, delete or alter a topic, nor join another's group)");
        KafkaAcls.forMembers(members).forEach(acl -> out.println(KafkaAcls.describe(acl)));
        out.println("# Quotas, each member's nodes together, per broker");
        members.forEach(member -> out.println(KafkaAcls.principalOf(member) + " " + quota.describe()));
        out.println("# Topics, created by the administrator: " + String.join(" ", Topics.all(members)));
        if (apply) {
            KafkaSettings admin = KafkaSettings.defaults(kafkaBootstrap, GatewayNode.kafkaRecordBytes(maxMessageBytes))
                    .withClientProperties(KafkaClientFiles.settings(kafkaConfig, "kafka-config"));
            KafkaAccessControl.applyFederation(admin, members, partitions, quota);
            registerLogins(admin, members);
            out.println("# Applied at " + kafkaBootstrap + ": " + Topics.all(members).size() + " topics present, "
                    + KafkaAcls.forMembers(members).size() + " ACLs, " + members.size() + " quotas, "
                    + memberPasswordFiles.size() + " member logins");
        }
        return 0;
    }

    private void registerLogins(KafkaSettings admin, List<MemberId> members) {
        try (KafkaAccessControl access = new KafkaAccessControl(admin)) {
            memberPasswordFiles.forEach((member, file) -> {
                MemberId id = MemberId.parse(member);
                ScramCredentials login = ScramCredentials.of(id,
                        KafkaClientFiles.password(file, "member-password-file"));
                access.register(login);
                access.awaitInForce(login, Topics.usedBy(id, members));
            });
        }
    }
}

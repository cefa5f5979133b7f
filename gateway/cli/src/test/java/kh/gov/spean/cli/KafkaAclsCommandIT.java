package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.kafka.KafkaAccessControl;
import kh.gov.spean.node.kafka.KafkaAcls;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.ScramCredentials;
import kh.gov.spean.node.kafka.SecretFiles;
import kh.gov.spean.node.kafka.Topics;

/**
 * {@code spean kafka acls} prints the federation's ACLs and quotas, and with {@code --apply} gives a broker that
 * authorizes exactly those, with the federation's topics, as its administrator — and again without harm.
 */
class KafkaAclsCommandIT {

    private static final MemberId MEF = MemberId.parse("KH/GOV/MEF");
    private static final List<MemberId> MEMBERS = List.of(MemberId.parse("KH/GOV/DPO"), MEF,
            MemberId.parse("KH/GOV/MLMUPC"), MemberId.parse("KH/GOV/MOI"), MemberId.parse("KH/GOV/MPTC"));

    @Test
    void the_federations_acls_quotas_and_topics_are_printed_and_applied(@TempDir Path data, @TempDir Path kafka)
            throws Exception {
        new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithAuthentication(kafka, 0)) {
            Path adminProperties = kafka.resolve("admin.properties");
            Files.writeString(adminProperties, broker.adminClientProperties().entrySet().stream()
                    .map(setting -> setting.getKey() + "=" + setting.getValue().replace("\\", "\\\\"))
                    .collect(Collectors.joining("\n")));
            String[] apply = {"kafka", "acls", "--data", data.toString(), "--apply", "--kafka-bootstrap",
                    broker.bootstrapServers(), "--kafka-config", adminProperties.toString()};

            CommandRun run = CommandRun.of(apply);

            assertEquals(0, run.exit(), run.errors());
            assertTrue(run.output().contains("User:KH/GOV/MEF ALLOW READ on TOPIC spean.inbox.KH.GOV.MEF\n"), run.output());
            assertTrue(run.output().contains("User:KH/GOV/MEF ALLOW WRITE on TOPIC spean.inbox.KH.GOV.MOI\n"), run.output());
            assertTrue(run.output().contains("User:KH/GOV/MEF ALLOW READ on GROUP spean-node-KH.GOV.MEF.* (prefix)\n"),
                    run.output());
            assertFalse(run.output().contains("User:KH/GOV/MEF ALLOW READ on TOPIC spean.inbox.KH.GOV.MOI"), run.output());
            assertEquals(0, CommandRun.of(apply).exit(), "applying again changes nothing and is no error");
            try (Admin admin = Admin.create(KafkaSettings.defaults(broker.bootstrapServers(), 1024)
                    .withClientProperties(broker.adminClientProperties()).adminProperties())) {
                assertTrue(admin.listTopics().names().get().containsAll(Topics.all(MEMBERS)));
                // The ACLs as a member's login meets them: it sees every inbox and answers topic (it may write to them),
                // its own dead letters and the checkpoints, and no other member's dead letters.
                String password = SecretFiles.randomSecret();
                try (KafkaAccessControl access = new KafkaAccessControl(KafkaSettings.defaults(broker.bootstrapServers(),
                        1024).withClientProperties(broker.adminClientProperties()))) {
                    access.register(ScramCredentials.of(MEF, password));
                    access.awaitInForce(ScramCredentials.of(MEF, password), Topics.usedBy(MEF, MEMBERS));
                }
                try (Admin economy = Admin.create(KafkaSettings.defaults(broker.bootstrapServers(), 1024)
                        .withClientProperties(ScramCredentials.of(MEF, password).clientProperties(Map.of())).adminProperties())) {
                    assertEquals(Set.copyOf(Topics.usedBy(MEF, MEMBERS)), economy.listTopics().names().get());
                }
                assertEquals(Set.copyOf(KafkaAcls.forMembers(MEMBERS)),
                        Set.copyOf(admin.describeAcls(AclBindingFilter.ANY).values().get()));
            }
        }
    }
}

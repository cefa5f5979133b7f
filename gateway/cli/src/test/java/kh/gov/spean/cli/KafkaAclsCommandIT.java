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
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.kafka.KafkaAcls;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.MemberQuota;
import kh.gov.spean.node.kafka.Topics;

/**
 * {@code spean kafka acls} prints the federation's ACLs and quotas, and with {@code --apply} gives a broker that
 * authorizes exactly those, with the federation's topics, as its administrator — and again without harm.
 */
class KafkaAclsCommandIT {

    private static final List<MemberId> MEMBERS = List.of(MemberId.parse("KH/GOV/MEF"), MemberId.parse("KH/GOV/MLMUPC"),
            MemberId.parse("KH/GOV/MOI"), MemberId.parse("KH/GOV/MPTC"));

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
                Set<AclBinding> granted = Set.copyOf(admin.describeAcls(AclBindingFilter.ANY).values().get());
                assertEquals(Set.copyOf(KafkaAcls.forMembers(MEMBERS)), granted);
                assertTrue(admin.listTopics().names().get().containsAll(Topics.all(MEMBERS)));
                Map<ClientQuotaEntity, Map<String, Double>> quotas = admin.describeClientQuotas(ClientQuotaFilter.containsOnly(
                        List.of(ClientQuotaFilterComponent.ofEntity(ClientQuotaEntity.USER, "KH/GOV/MOI")))).entities().get();
                assertEquals(Map.of(MemberQuota.PRODUCER_BYTE_RATE, (double) MemberQuota.DEFAULT_PRODUCER_BYTE_RATE,
                        MemberQuota.REQUEST_PERCENTAGE, MemberQuota.DEFAULT_REQUEST_PERCENTAGE),
                        quotas.values().iterator().next());
            }
        }
    }
}

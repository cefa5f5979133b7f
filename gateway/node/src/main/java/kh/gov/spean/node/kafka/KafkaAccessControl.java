package kh.gov.spean.node.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.NodeSettings;

/**
 * The cluster administrator's side of Kafka access (decision 0032), through Kafka's Admin API: grants ACLs, sets each
 * member's quota and registers members' SCRAM logins. Idempotent, each step bounded by a deadline.
 */
public final class KafkaAccessControl implements AutoCloseable {

    static final long DEADLINE_SECONDS = 30;
    /** RFC 7677 asks for at least 4096; Kafka's own tools use 4096 by default, and 8192 costs a login 4 ms here. */
    private static final int SCRAM_ITERATIONS = 8192;

    /** How long a new login or ACL may take to reach the brokers, which learn it from the cluster's metadata log. */
    static final Duration IN_FORCE_DEADLINE = Duration.ofSeconds(30);
    private static final long PAUSE_BETWEEN_LOOKS_MS = 200;

    private final KafkaSettings settings;
    private final Admin admin;

    /** {@code settings} must log in as a user the cluster lets manage ACLs, quotas and users (a super user). */
    public KafkaAccessControl(KafkaSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(settings.adminProperties());
    }

    /**
     * What the operator does for a federation on its cluster, as {@code admin}: creates every topic that is missing
     * (records up to {@code admin}'s largest), grants every member's ACLs and sets each member's quota.
     */
    public static void applyFederation(KafkaSettings admin, Collection<MemberId> members, int partitions,
                                       MemberQuota quota) {
        try (KafkaAdministrator topics = new KafkaAdministrator(admin);
             KafkaAccessControl access = new KafkaAccessControl(admin)) {
            topics.ensureDeliveredTopics(members, NodeSettings.deliveredLookBack(
                    NodeSettings.DEFAULT_ONE_WAY_TIME_TO_LIVE, NodeSettings.DEFAULT_CLOCK_SKEW));
            topics.ensureTopics(Topics.all(members), partitions);
            access.grant(KafkaAcls.forMembers(members));
            access.limit(members, quota);
        }
    }

    /** Grants the ACLs; those that exist already are left as they are. */
    public void grant(Collection<AclBinding> acls) {
        await(admin.createAcls(List.copyOf(acls)).all(), "grant " + acls.size() + " ACLs");
    }

    /** Sets each member's quota, replacing the one it had. */
    public void limit(Collection<MemberId> members, MemberQuota quota) {
        List<ClientQuotaAlteration> alterations = new ArrayList<>();
        for (MemberId member : members) {
            alterations.add(new ClientQuotaAlteration(new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER,
                    KafkaAcls.userOf(member))), List.of(
                    new ClientQuotaAlteration.Op(MemberQuota.PRODUCER_BYTE_RATE, (double) quota.producerByteRate()),
                    new ClientQuotaAlteration.Op(MemberQuota.REQUEST_PERCENTAGE, quota.requestPercentage()))));
        }
        await(admin.alterClientQuotas(alterations).all(), "set the quotas of " + members.size() + " members");
    }

    /**
     * Registers (or replaces) a SCRAM-SHA-512 login. The salted password is computed here: Kafka receives only the
     * salt and the salted password, never the password.
     */
    public void register(ScramCredentials login) {
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(login.user(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), login.password()))).all(),
                "register Kafka user " + login.user());
    }

    /**
     * Waits until {@code login} is accepted and sees every one of {@code topics}: the controller has taken a new login
     * or ACL when its call returns, the brokers a moment later, and a node started in between would be refused.
     */
    public void awaitInForce(ScramCredentials login, Collection<String> topics) {
        Properties properties = settings.withClientProperties(login.clientProperties(settings.clientProperties()))
                .adminProperties();
        long deadline = System.nanoTime() + IN_FORCE_DEADLINE.toNanos();
        String last = "nothing yet";
        try (Admin asLogin = Admin.create(properties)) {
            while (System.nanoTime() < deadline) {
                try {
                    Set<String> seen = asLogin.listTopics().names().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
                    if (seen.containsAll(topics)) {
                        return;
                    }
                    last = "it sees " + seen.size() + " of its " + topics.size() + " topics";
                } catch (ExecutionException | TimeoutException e) {
                    last = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                }
                Thread.sleep(PAUSE_BETWEEN_LOOKS_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "interrupted while waiting for " + login.user(), e);
        }
        throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "Kafka user " + login.user() + " was not in force within "
                + IN_FORCE_DEADLINE.toSeconds() + " s: " + last);
    }

    @Override
    public void close() {
        admin.close();
    }

    private static void await(KafkaFuture<Void> result, String what) {
        try {
            result.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "Kafka refused to " + what + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "Kafka did not " + what + " within "
                    + DEADLINE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "interrupted while trying to " + what, e);
        }
    }
}

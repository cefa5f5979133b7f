package kh.gov.spean.node.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import kh.gov.spean.id.MemberId;

/**
 * The Kafka ACLs that keep each member to its own topics and groups, generated from the federation's members
 * (decision 0032). Each member's user may write to every member's inbox and answers, write and read its own dead
 * letters and the checkpoints, read only its own inbox and answers, and join only its own consumer groups; it may not
 * create, delete or reconfigure anything. Kafka lets READ and WRITE imply DESCRIBE, so no DESCRIBE is listed.
 */
public final class KafkaAcls {

    private static final String ANY_HOST = "*";

    private KafkaAcls() {
    }

    /** A member's Kafka user: its identifier as written, {@code INSTANCE/CLASS/MEMBER}. */
    public static String userOf(MemberId member) {
        return member.toString();
    }

    /** The principal Kafka's ACLs name a member's nodes by, {@code User:INSTANCE/CLASS/MEMBER}. */
    public static String principalOf(MemberId member) {
        return "User:" + userOf(member);
    }

    /** Every member's ACLs, member by member. */
    public static List<AclBinding> forMembers(Collection<MemberId> members) {
        List<AclBinding> acls = new ArrayList<>();
        for (MemberId member : members) {
            acls.addAll(forMember(member, members));
        }
        return acls;
    }

    /** One member's ACLs, given every member of the federation (whose inbox and answers it may write to). */
    public static List<AclBinding> forMember(MemberId member, Collection<MemberId> members) {
        String principal = principalOf(member);
        List<AclBinding> acls = new ArrayList<>();
        for (MemberId recipient : members) {
            acls.add(allow(principal, AclOperation.WRITE, topic(Topics.inbox(recipient))));
            acls.add(allow(principal, AclOperation.WRITE, topic(Topics.answers(recipient))));
        }
        acls.add(allow(principal, AclOperation.READ, topic(Topics.inbox(member))));
        acls.add(allow(principal, AclOperation.READ, topic(Topics.answers(member))));
        acls.add(allow(principal, AclOperation.WRITE, topic(Topics.deadLetters(member))));
        acls.add(allow(principal, AclOperation.READ, topic(Topics.deadLetters(member))));
        acls.add(allow(principal, AclOperation.WRITE, topic(Topics.delivered(member))));
        acls.add(allow(principal, AclOperation.READ, topic(Topics.delivered(member))));
        // Every node publishes its checkpoints and witnesses everyone's; a witness checks each one's signature, since
        // an ACL cannot tell whose checkpoint a record claims to be.
        acls.add(allow(principal, AclOperation.WRITE, topic(Topics.checkpoints())));
        acls.add(allow(principal, AclOperation.READ, topic(Topics.checkpoints())));
        acls.add(allow(principal, AclOperation.READ, new ResourcePattern(ResourceType.GROUP, Topics.inboxGroup(member),
                PatternType.LITERAL)));
        acls.add(allow(principal, AclOperation.READ, new ResourcePattern(ResourceType.GROUP, Topics.groupPrefix(member),
                PatternType.PREFIXED)));
        return acls;
    }

    /** One ACL as {@code kafka-acls.sh --list} would say it, on one line. */
    public static String describe(AclBinding acl) {
        return acl.entry().principal() + " " + acl.entry().permissionType() + " " + acl.entry().operation() + " on "
                + acl.pattern().resourceType() + " " + acl.pattern().name()
                + (acl.pattern().patternType() == PatternType.PREFIXED ? "* (prefix)" : "");
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static AclBinding allow(String principal, AclOperation operation, ResourcePattern pattern) {
        return new AclBinding(pattern, new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}

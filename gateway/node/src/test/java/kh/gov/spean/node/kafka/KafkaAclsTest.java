package kh.gov.spean.node.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import kh.gov.spean.id.MemberId;

/** The ACLs generated from the federation's members grant each member what its nodes do, and nothing of another's. */
class KafkaAclsTest {

    private static final MemberId MOI = MemberId.parse("KH/GOV/MOI");
    private static final MemberId MOI_X = MemberId.parse("KH/GOV/MOI-X");
    private static final MemberId MEF = MemberId.parse("KH/GOV/MEF");
    private static final List<MemberId> MEMBERS = List.of(MOI, MOI_X, MEF);

    @Test
    void every_acl_allows_and_none_creates_deletes_or_alters() {
        for (AclBinding acl : KafkaAcls.forMembers(MEMBERS)) {
            assertEquals(AclPermissionType.ALLOW, acl.entry().permissionType(), acl.toString());
            assertTrue(Set.of(AclOperation.READ, AclOperation.WRITE).contains(acl.entry().operation()), acl.toString());
        }
    }

    @Test
    void a_member_reads_only_its_own_topics_and_the_checkpoints() {
        List<String> read = KafkaAcls.forMember(MOI, MEMBERS).stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                .filter(acl -> acl.entry().operation() == AclOperation.READ)
                .map(acl -> acl.pattern().name()).toList();

        assertEquals(List.of(Topics.inbox(MOI), Topics.answers(MOI), Topics.deadLetters(MOI), Topics.delivered(MOI),
                Topics.checkpoints()), read);
    }

    @Test
    void a_member_writes_to_every_inbox_and_answers_but_only_its_own_dead_letters() {
        List<String> written = KafkaAcls.forMember(MEF, MEMBERS).stream()
                .filter(acl -> acl.entry().operation() == AclOperation.WRITE)
                .map(acl -> acl.pattern().name()).toList();

        assertTrue(written.containsAll(List.of(Topics.inbox(MOI), Topics.answers(MOI), Topics.inbox(MOI_X))), written.toString());
        assertTrue(written.contains(Topics.deadLetters(MEF)));
        assertFalse(written.contains(Topics.deadLetters(MOI)));
    }

    @Test
    void a_members_group_prefix_covers_none_of_a_member_whose_code_begins_alike() {
        List<AclBinding> groups = KafkaAcls.forMember(MOI, MEMBERS).stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.GROUP).toList();

        for (String othersGroup : List.of(Topics.inboxGroup(MOI_X), Topics.answersGroup(MOI_X, "node-1"),
                Topics.witnessGroup(MOI_X, "node-1"))) {
            assertFalse(groups.stream().anyMatch(acl -> matches(acl, othersGroup)), othersGroup);
        }
        for (String ownGroup : List.of(Topics.inboxGroup(MOI), Topics.answersGroup(MOI, "node-1"),
                Topics.witnessGroup(MOI, "node-2"))) {
            assertTrue(groups.stream().anyMatch(acl -> matches(acl, ownGroup)), ownGroup);
        }
    }

    private static boolean matches(AclBinding acl, String name) {
        return acl.pattern().patternType() == PatternType.PREFIXED ? name.startsWith(acl.pattern().name())
                : name.equals(acl.pattern().name());
    }
}

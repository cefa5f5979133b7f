package kh.gov.spean.cli.member;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.privacy.SubjectTagKeys;

/**
 * {@code spean member rotate-subject-key --data DIR --member M}: the member makes the next version of its key for
 * blinding data subjects (decision 0058). Its nodes tag new entries with it from their next request on; the earlier
 * versions stay, so lookups still find the entries tagged under them.
 */
@Command(name = "rotate-subject-key", mixinStandardHelpOptions = true,
        description = "Make the next version of this member's key for blinding data subjects in its message log; "
                + "earlier versions are kept for lookups.")
public final class MemberRotateSubjectKeyCommand implements Callable<Integer> {

    @Mixin
    NodeMemberOptions target;

    @Override
    public Integer call() {
        MemberFiles files = target.files();
        SubjectTagKeys keys = SubjectTagKeys.rotate(files.subjectTagKeys());
        System.out.println("New entries of " + files.member() + " are tagged with version " + keys.currentVersion()
                + " (" + files.subjectTagKeys() + "); the earlier versions are kept: lookups try them all. "
                + "Copy the folder to every node of the member.");
        return 0;
    }
}

package kh.gov.spean.cli.member;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import kh.gov.spean.federation.KeyRole;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.federation.MemberKeyring;
import kh.gov.spean.privacy.SubjectTagKeys;

/**
 * {@code spean member keys --data DIR --member M}: the member makes new signing and encryption keys on its own node
 * and writes certificate requests (PKCS#10) for the federation authority; the private keys stay in its keystores. It
 * also makes the member's key for blinding data subjects, unless it has one (renewing certificates keeps that key).
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Make new signing and encryption keys on this node, and certificate requests for the federation authority.")
public final class MemberKeysCommand implements Callable<Integer> {

    @Mixin
    NodeMemberOptions target;

    @Override
    public Integer call() {
        MemberFiles files = target.files();
        new MemberKeyring(files).generate();
        SubjectTagKeys tagKeys = SubjectTagKeys.createIfAbsent(files.subjectTagKeys());
        System.out.println("New keys of " + files.member() + " wait for their certificates in " + files.directory()
                + " (keystores 0600). Send the federation authority these requests, and nothing else:");
        for (KeyRole role : KeyRole.values()) {
            System.out.println("  " + files.request(role));
        }
        System.out.println("Its key for blinding data subjects in the message log (version " + tagKeys.currentVersion()
                + ") is in " + files.subjectTagKeys() + ": it never leaves this node; back it up with the keystores.");
        System.out.println("Then install what it sends back: spean member install-certs --data " + target.data
                + " --member " + files.member() + " --certificates FOLDER");
        return 0;
    }
}

package kh.gov.spean.cli.member;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;

/** The options of a member's work on its own node: the node's data directory, the member, its keystore password. */
public final class NodeMemberOptions {

    @Option(names = "--data", required = true,
            description = "The node's data directory (the gateway's --data); the member's keys go in its own folder there.")
    Path data;

    @Option(names = "--member", required = true, description = "The member, e.g. KH/GOV/MOI.")
    String member;

    @Option(names = "--keystore-password-file",
            description = "A file holding the keystores' password, kept apart from them. Without it: "
                    + MemberFiles.PASSWORD_VARIABLE + " or the file " + MemberFiles.PASSWORD_FILE_VARIABLE + " names.")
    Path passwordFile;

    MemberId memberId() {
        try {
            return MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'member' " + e.getMessage());
        }
    }

    MemberFiles files() {
        return MemberFiles.in(data, memberId()).withPasswordFile(passwordFile);
    }
}

package kh.gov.spean.cli.federation;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/** The options of the federation authority's work on one member: its data directory and the member. */
public final class AuthorityMemberOptions {

    @Option(names = "--data", required = true, description = "The federation authority's data directory (spean init).")
    Path data;

    @Option(names = "--member", required = true, description = "The member, e.g. KH/GOV/MEF.")
    String member;

    MemberId memberId() {
        try {
            return MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'member' " + e.getMessage());
        }
    }
}

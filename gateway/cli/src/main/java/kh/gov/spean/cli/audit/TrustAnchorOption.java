package kh.gov.spean.cli.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import picocli.CommandLine.Option;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** The federation CA an auditor trusts: {@code --ca FILE}, else the one beside the log in its data directory. */
final class TrustAnchorOption {

    @Option(names = "--ca", description = "The federation root CA (PEM). Default: DATA/federation/ca.pem for a log in DATA/MEMBER/log.")
    Path ca;

    /** The CA given with --ca: a report folder holds none, so the auditor brings the federation's own. */
    X509Certificate loadForReport(Path report) {
        if (ca == null) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "checking " + report
                    + " needs the federation root CA: give it with --ca FILE");
        }
        return read(ca);
    }

    X509Certificate load(Path logDirectory) {
        Path member = logDirectory.toAbsolutePath().getParent();
        Path data = member == null ? null : member.getParent();
        if (ca == null && data == null) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "no data directory above " + logDirectory
                    + " to find the federation CA in (give it with --ca FILE)");
        }
        return read(ca != null ? ca : data.resolve("federation").resolve("ca.pem"));
    }

    private static X509Certificate read(Path file) {
        try {
            return Pem.parseCertificate(Files.readString(file));
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot read the federation CA at " + file
                    + " (give it with --ca FILE)");
        }
    }
}

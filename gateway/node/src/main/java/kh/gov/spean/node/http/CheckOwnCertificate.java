package kh.gov.spean.node.http;

import java.security.cert.X509Certificate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;

/**
 * Step: a node whose own signing certificate the federation revoked says so at once, rather than sign messages every
 * other node will refuse (and answer none of).
 */
public final class CheckOwnCertificate implements Processor {

    private final Federation federation;
    private final X509Certificate signingCertificate;

    public CheckOwnCertificate(Federation federation, X509Certificate signingCertificate) {
        this.federation = federation;
        this.signingCertificate = signingCertificate;
    }

    @Override
    public void process(Exchange exchange) {
        federation.revocation(signingCertificate).ifPresent(revoked -> {
            throw new SpeanException(ErrorCode.CERTIFICATE_REVOKED, "this node's signing certificate was revoked at "
                    + revoked.revokedAt() + " (" + revoked.reason() + "): the member needs new keys from the federation authority");
        });
    }
}

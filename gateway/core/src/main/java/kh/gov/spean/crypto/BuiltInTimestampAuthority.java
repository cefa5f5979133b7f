package kh.gov.spean.crypto;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The development timestamp authority, inside the node: RFC 3161 tokens signed with a key whose certificate the
 * federation CA issued with the critical timeStamping extended key usage, so {@code openssl ts -verify} accepts them.
 * Production names any TSA URL instead ({@link HttpTimestampAuthority}).
 */
public final class BuiltInTimestampAuthority implements TimestampAuthority {

    /** A policy identifier under the UUID arc (ITU-T X.667, 2.25), so it collides with nobody's. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.213911542216893123117127843217311740137");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    public BuiltInTimestampAuthority(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
        this.key = key;
        this.certificate = certificate;
        this.chain = List.copyOf(chain);
    }

    @Override
    public byte[] timestamp(byte[] data) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        try {
            return answer(requests.generate(TSPAlgorithms.SHA256, Digests.sha256(data), new BigInteger(64, RANDOM))
                    .getEncoded());
        } catch (java.io.IOException e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "cannot encode a timestamp query", e);
        }
    }

    /** Answers an RFC 3161 query (DER TimeStampReq) with a DER TimeStampResp, as a TSA served over HTTP does. */
    public synchronized byte[] answer(byte[] query) {
        try {
            TimeStampRequest request = new TimeStampRequest(query);
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.provider())
                            .build(CryptoAlgorithms.SIGNATURE, key, certificate),
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(chain));
            return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, new BigInteger(64, RANDOM), new Date()).getEncoded();
        } catch (Exception e) {
            throw new SpeanException(ErrorCode.CRYPTO_FAILURE, "the built-in timestamp authority failed", e);
        }
    }
}

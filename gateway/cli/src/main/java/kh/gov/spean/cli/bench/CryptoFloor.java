package kh.gov.spean.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;

import kh.gov.spean.crypto.CryptoAlgorithms;

/**
 * The physical limit of the algorithm suite: the raw public-key and symmetric operations one secure exchange needs,
 * in a tight loop on every core, with Bouncy Castle. Per direction (request, then response): one ECDSA P-256
 * signature and one verification, one ephemeral P-256 key pair, two ECDH agreements (the sender's with the
 * recipient's key, the recipient's with the ephemeral key), and AES-256-GCM over the payload, sealed and opened.
 */
final class CryptoFloor {

    /**
     * What the floor measured: exchanges' worth of crypto per second on every core, and the CPU its threads took per
     * exchange (the JVM's own threads not counted).
     */
    record Result(double perSecond, double cpuMillisPerExchange) {
    }

    /** Exchanges' worth of crypto per second, on {@code threads} threads, and their CPU per exchange. */
    static Result measure(int threads, Duration measured, byte[] requestPayload, byte[] responsePayload)
            throws InterruptedException {
        AtomicBoolean stopping = new AtomicBoolean(false);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicLong exchanges = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    Suite suite = new Suite();
                    while (!stopping.get()) {
                        suite.oneDirection(requestPayload);
                        suite.oneDirection(responsePayload);
                        if (measuring.get()) {
                            exchanges.incrementAndGet();
                        }
                    }
                } catch (InvalidCipherTextException e) {
                    throw new IllegalStateException("the crypto floor could not run: " + e.getMessage(), e);
                }
            }, "crypto-floor-" + i);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(Math.min(3000, measured.toMillis() / 3)); // warm up the JIT
        long cpuBefore = cpuNanos(workers);
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = cpuNanos(workers) - cpuBefore;
        stopping.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long counted = exchanges.get();
        return new Result(counted / seconds, counted == 0 ? 0 : cpu / 1e6 / counted);
    }

    private static long cpuNanos(List<Thread> workers) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return workers.stream().mapToLong(worker -> Math.max(0, threads.getThreadCpuTime(worker.getId()))).sum();
    }

    /**
     * One thread's keys and engines, through Bouncy Castle's own API rather than the JCA's (no provider look-ups, no key
     * conversions): what is left is the arithmetic. The keys a node holds for long — the sender's signing key, the
     * recipient's encryption key — are used as a node uses them: the recipient's point with its comb table built once
     * (as the node's sealer does), the signer's point reused, so that Bouncy Castle keeps its tables.
     */
    private static final class Suite {
        private final SecureRandom random = new SecureRandom();
        private final ECKeyPairGenerator generator = new ECKeyPairGenerator();
        private final AsymmetricCipherKeyPair sender;
        private final AsymmetricCipherKeyPair recipient;

        Suite() {
            X9ECParameters named = CustomNamedCurves.getByName(CryptoAlgorithms.CURVE);
            ECDomainParameters curve = new ECDomainParameters(named.getCurve(), named.getG(), named.getN(), named.getH());
            generator.init(new ECKeyGenerationParameters(curve, random));
            sender = generator.generateKeyPair();
            recipient = generator.generateKeyPair();
            FixedPointUtil.precompute(((ECPublicKeyParameters) recipient.getPublic()).getQ());
        }

        void oneDirection(byte[] payload) throws InvalidCipherTextException {
            byte[] digest = sha256(payload);
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, new ParametersWithRandom(sender.getPrivate(), random));
            BigInteger[] signature = signer.generateSignature(digest);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, sender.getPublic());
            if (!verifier.verifySignature(digest, signature[0], signature[1])) {
                throw new IllegalStateException("a signature of the floor did not verify");
            }
            AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
            ECPoint sealing = new FixedPointCombMultiplier().multiply(((ECPublicKeyParameters) recipient.getPublic()).getQ(),
                    ((ECPrivateKeyParameters) ephemeral.getPrivate()).getD()).normalize();
            ECDHBasicAgreement opening = new ECDHBasicAgreement();
            opening.init(recipient.getPrivate());
            BigInteger opened = opening.calculateAgreement(ephemeral.getPublic());
            if (!sealing.getAffineXCoord().toBigInteger().equals(opened)) {
                throw new IllegalStateException("the floor's two key agreements differ");
            }
            byte[] key = sha256(sealing.getAffineXCoord().getEncoded());
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            byte[] ciphertext = gcm(true, key, iv, payload);
            gcm(false, key, iv, ciphertext);
        }

        private static byte[] sha256(byte[] bytes) {
            SHA256Digest digest = new SHA256Digest();
            digest.update(bytes, 0, bytes.length);
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return out;
        }

        private static byte[] gcm(boolean encrypt, byte[] key, byte[] iv, byte[] input) throws InvalidCipherTextException {
            GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
            cipher.init(encrypt, new AEADParameters(new KeyParameter(key), 128, iv));
            byte[] output = new byte[cipher.getOutputSize(input.length)];
            int length = cipher.processBytes(input, 0, input.length, output, 0);
            cipher.doFinal(output, length);
            return output;
        }
    }
}

package kh.gov.spean.cli.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import kh.gov.spean.crypto.BouncyCastle;
import kh.gov.spean.crypto.CryptoAlgorithms;

/**
 * The physical limit of the algorithm suite: the raw public-key and symmetric operations one secure exchange needs,
 * in a tight loop on every core, with Bouncy Castle. Per direction (request, then response): one ECDSA P-256
 * signature and one verification, one ephemeral P-256 key pair, two ECDH agreements (the sender's with the
 * recipient's key, the recipient's with the ephemeral key), and AES-256-GCM over the payload, sealed and opened.
 */
final class CryptoFloor {

    /** Exchanges' worth of crypto per second, on {@code threads} threads. */
    static double exchangesPerSecond(int threads, Duration measured, byte[] requestPayload, byte[] responsePayload)
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
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the crypto floor could not run: " + e.getMessage(), e);
                }
            }, "crypto-floor-" + i);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(Math.min(3000, measured.toMillis() / 3)); // warm up the JIT
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        stopping.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return exchanges.get() / seconds;
    }

    /** One thread's keys and engines. */
    private static final class Suite {
        private final SecureRandom random = new SecureRandom();
        private final KeyPairGenerator generator;
        private final KeyPair sender;
        private final KeyPair recipient;

        Suite() throws GeneralSecurityException {
            generator = KeyPairGenerator.getInstance(CryptoAlgorithms.KEY_ALGORITHM, BouncyCastle.provider());
            generator.initialize(new ECGenParameterSpec(CryptoAlgorithms.CURVE), random);
            sender = generator.generateKeyPair();
            recipient = generator.generateKeyPair();
        }

        void oneDirection(byte[] payload) throws GeneralSecurityException {
            Signature signer = Signature.getInstance(CryptoAlgorithms.SIGNATURE, BouncyCastle.provider());
            signer.initSign(sender.getPrivate(), random);
            signer.update(payload);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(CryptoAlgorithms.SIGNATURE, BouncyCastle.provider());
            verifier.initVerify(sender.getPublic());
            verifier.update(payload);
            if (!verifier.verify(signature)) {
                throw new GeneralSecurityException("a signature of the floor did not verify");
            }
            KeyPair ephemeral = generator.generateKeyPair();
            byte[] sealing = agree(ephemeral, recipient);
            byte[] opening = agree(recipient, ephemeral);
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher seal = Cipher.getInstance("AES/GCM/NoPadding", BouncyCastle.provider());
            seal.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sealing, 0, 32, "AES"), new GCMParameterSpec(128, iv));
            byte[] ciphertext = seal.doFinal(payload);
            Cipher open = Cipher.getInstance("AES/GCM/NoPadding", BouncyCastle.provider());
            open.init(Cipher.DECRYPT_MODE, new SecretKeySpec(opening, 0, 32, "AES"), new GCMParameterSpec(128, iv));
            open.doFinal(ciphertext);
        }

        private static byte[] agree(KeyPair own, KeyPair other) throws GeneralSecurityException {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH", BouncyCastle.provider());
            agreement.init(own.getPrivate());
            agreement.doPhase(other.getPublic(), true);
            return agreement.generateSecret();
        }
    }
}

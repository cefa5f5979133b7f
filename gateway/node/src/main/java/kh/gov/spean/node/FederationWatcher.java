package kh.gov.spean.node;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;

/**
 * Picks up a new federation configuration without a restart: every few seconds it looks at
 * {@code DATA/federation/}, and when the files changed, verifies them as at start-up (signed by the federation
 * authority, not expired, issued after the one in use) and adopts them — a revoked member is refused from then on.
 * A configuration that does not verify is not adopted, and said so once.
 */
final class FederationWatcher implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(FederationWatcher.class);

    private final FederationFiles files;
    private final Federation federation;
    private final NodeEvents events;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spean-federation-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private byte[] seen;

    FederationWatcher(FederationFiles files, Federation federation, NodeEvents events, Clock clock) {
        this.files = files;
        this.federation = federation;
        this.events = events;
        this.clock = clock;
        this.seen = contentDigest();
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        byte[] now = contentDigest();
        if (now == null || Arrays.equals(now, seen)) {
            return;
        }
        try {
            Federation newer = FederationLoader.load(files, clock.instant());
            federation.adopt(newer);
            seen = now;
            LOG.info("adopted the federation configuration issued {}", newer.issuedAt());
        } catch (SpeanException | IllegalArgumentException e) {
            seen = now;
            String reason = e instanceof SpeanException coded ? coded.detail() : e.getMessage();
            LOG.warn("a new federation configuration was not adopted: {}", reason);
            events.alarm(files.configuration().toString(), "a new federation configuration was not adopted: " + reason);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the federation configuration yet: {}", e.getMessage());
        }
    }

    private byte[] contentDigest() {
        try {
            byte[] configuration = Files.readAllBytes(files.configuration());
            byte[] signature = Files.readAllBytes(files.signature());
            byte[] both = Arrays.copyOf(configuration, configuration.length + signature.length);
            System.arraycopy(signature, 0, both, configuration.length, signature.length);
            return Digests.sha256(both);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

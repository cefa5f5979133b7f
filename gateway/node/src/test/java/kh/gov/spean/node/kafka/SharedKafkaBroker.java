package kh.gov.spean.node.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kh.gov.spean.files.FolderTree;

/**
 * One real Kafka broker for the whole test JVM, started on first use and stopped (its log deleted) when the JVM exits:
 * tests share it rather than paying a broker start per class.
 */
public final class SharedKafkaBroker {

    private static EmbeddedKafkaBroker broker;

    private SharedKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                Path folder = Files.createTempDirectory("spean-test-kafka");
                broker = EmbeddedKafkaBroker.start(folder);
                EmbeddedKafkaBroker started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, folder), "spean-test-kafka-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }

    /** Stops the broker and deletes its log: a test run leaves nothing behind in the temporary folder. */
    private static void stop(EmbeddedKafkaBroker started, Path folder) {
        started.close();
        try {
            FolderTree.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package kh.gov.spean.node.oneway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.json.SpeanJson;

/**
 * The one-way messages this node accepted, kept durably in {@code DIR/MEMBER/outgoing/}: {@code {id}.envelope}, the
 * signed and sealed envelope exactly as first published (no plaintext), and {@code {id}.json}, its state. Every write
 * is flushed to disk before it returns, so a 202 is never given for a message a crash could lose.
 */
public final class OutgoingMessages {

    private final Path directory;
    private final Map<EnvelopeId, OutgoingMessage> messages = new ConcurrentHashMap<>();

    private OutgoingMessages(Path directory) {
        this.directory = directory;
    }

    /** Opens the store, reading every message's last state. */
    public static OutgoingMessages open(Path directory) {
        OutgoingMessages store = new OutgoingMessages(directory);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    OutgoingMessage message = SpeanJson.fromBytes(Files.readAllBytes(file), OutgoingMessage.class);
                    store.messages.put(message.id(), message);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the one-way messages in " + directory, e);
        }
        return store;
    }

    /** Stores a newly accepted message and its envelope, durably. */
    public void accept(OutgoingMessage message, Envelope envelope) {
        write(envelopeFile(message.id()), EnvelopeCodec.encode(envelope));
        save(message);
    }

    public Optional<OutgoingMessage> find(EnvelopeId id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** The envelope as first published: every retry sends these same bytes, so the provider can tell a retry. */
    public byte[] envelope(EnvelopeId id) {
        try {
            return Files.readAllBytes(envelopeFile(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the envelope of one-way message " + id, e);
        }
    }

    /** Messages still waiting for their receipt. */
    public List<OutgoingMessage> awaitingReceipt() {
        return messages.values().stream().filter(m -> m.state() == OutgoingMessage.State.ACCEPTED).toList();
    }

    /** Applies a change to a message's state, durably, and returns the new state; one change at a time per store. */
    public synchronized OutgoingMessage update(EnvelopeId id, UnaryOperator<OutgoingMessage> change) {
        OutgoingMessage updated = change.apply(messages.get(id));
        save(updated);
        return updated;
    }

    private void save(OutgoingMessage message) {
        write(directory.resolve(message.id() + ".json"), SpeanJson.toBytes(message));
        messages.put(message.id(), message);
    }

    private Path envelopeFile(EnvelopeId id) {
        return directory.resolve(id + ".envelope");
    }

    /** Writes a temporary file, forces it, and moves it into place, so a reader sees the old or the new, whole. */
    private void write(Path target, byte[] bytes) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}

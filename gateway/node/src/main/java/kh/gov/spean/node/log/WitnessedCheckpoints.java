package kh.gov.spean.node.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kh.gov.spean.crypto.Digests;
import kh.gov.spean.log.Checkpoint;

/**
 * What this node has witnessed of each other log, kept on its disk so that a restart forgets nothing: per origin, the
 * last checkpoints it accepted (the newest last), a line {@code SIZE BASE64-ROOT} each, in a file named by the SHA-256
 * of the origin under {@code DATA/MEMBER/witnessed/}. Each file is rewritten whole, forced to disk and moved into place,
 * so a crash leaves the old history or the new one.
 */
public final class WitnessedCheckpoints {

    /** Enough to recognise a re-published recent checkpoint; older ones are only known to be older. */
    static final int KEPT_PER_ORIGIN = 64;

    private final Path folder;
    private final Map<String, Deque<Checkpoint>> histories = new ConcurrentHashMap<>();

    private WitnessedCheckpoints(Path folder) {
        this.folder = folder;
    }

    /** Opens (and creates) the folder; histories are read as origins are first asked about. */
    public static WitnessedCheckpoints in(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return new WitnessedCheckpoints(folder);
    }

    /** The last checkpoint of {@code origin} this node accepted, before or since it started. */
    public Optional<Checkpoint> last(String origin) {
        Deque<Checkpoint> history = history(origin);
        synchronized (history) {
            return Optional.ofNullable(history.peekLast());
        }
    }

    /** The root of {@code origin}'s log at {@code size}, if a checkpoint of that size is among those kept. */
    public Optional<byte[]> rootAt(String origin, long size) {
        Deque<Checkpoint> history = history(origin);
        synchronized (history) {
            return history.stream().filter(seen -> seen.size() == size).map(Checkpoint::root).findFirst();
        }
    }

    /** Records an accepted checkpoint as the origin's last, durably, before the caller moves on. */
    public void accept(Checkpoint checkpoint) {
        Deque<Checkpoint> history = history(checkpoint.origin());
        synchronized (history) {
            history.addLast(checkpoint);
            while (history.size() > KEPT_PER_ORIGIN) {
                history.removeFirst();
            }
            write(checkpoint.origin(), history);
        }
    }

    private Deque<Checkpoint> history(String origin) {
        return histories.computeIfAbsent(origin, this::read);
    }

    private Path file(String origin) {
        return folder.resolve(Digests.hex(Digests.sha256(origin.getBytes(StandardCharsets.UTF_8))) + ".txt");
    }

    private Deque<Checkpoint> read(String origin) {
        Deque<Checkpoint> history = new ArrayDeque<>();
        Path file = file(origin);
        if (!Files.exists(file)) {
            return history;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    history.addLast(new Checkpoint(origin, Long.parseLong(parts[0]), Base64.getDecoder().decode(parts[1])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a witness history: " + e.getMessage(), e);
        }
        return history;
    }

    private void write(String origin, Deque<Checkpoint> history) {
        StringBuilder text = new StringBuilder();
        history.forEach(seen -> text.append(seen.size()).append(' ')
                .append(Base64.getEncoder().encodeToString(seen.root())).append('\n'));
        Path file = file(origin);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + next, e);
        }
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + next + " into place", e);
        }
    }
}

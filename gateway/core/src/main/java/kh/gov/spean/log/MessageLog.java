package kh.gov.spean.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.crypto.DetachedSigner;
import kh.gov.spean.crypto.Digests;
import kh.gov.spean.crypto.TimestampAuthority;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;

/**
 * A node's message log: entries appended durably (written and forced to disk) before {@link #append} returns, with
 * concurrent appends group-committed under one fsync; a Merkle tree over them; and a signed, timestamped checkpoint
 * every {@code checkpointEvery} entries or {@code checkpointInterval}, whichever comes first. One writer thread owns
 * the file and the tree. On opening, a torn last line (a crash mid-write) is cut off and the tree rebuilt.
 */
public final class MessageLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLog.class);

    /** Work for the writer thread: entries to append (serialised by the caller, all but their first fields), or a checkpoint. */
    private record Task(List<byte[]> entryTails, boolean checkpoint, CompletableFuture<Long> done) {
    }

    private static final Task STOP = new Task(List.of(), false, new CompletableFuture<>());

    private final LogFiles files;
    private final String origin;
    private final DetachedSigner signer;
    private final TimestampAuthority timestamps;
    private final Clock clock;
    private final long checkpointEvery;
    private final FileChannel channel;
    private final MerkleTree tree;
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final List<Consumer<SignedCheckpoint>> checkpointListeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private final ScheduledExecutorService ticker;
    private volatile long size;
    private volatile SignedCheckpoint lastCheckpoint;
    private byte[] lastLeafHash;
    private volatile long lastCheckpointSize;
    private final RefusalCounts refusals = new RefusalCounts();

    private MessageLog(LogFiles files, String origin, DetachedSigner signer, TimestampAuthority timestamps, Clock clock,
                       long checkpointEvery, Duration checkpointInterval, FileChannel channel, MerkleTree tree) {
        this.files = files;
        this.origin = origin;
        this.signer = signer;
        this.timestamps = timestamps;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.channel = channel;
        this.tree = tree;
        this.size = tree.size();
        this.lastLeafHash = tree.size() == 0 ? new byte[0] : tree.leafHashAt(tree.size() - 1);
        List<Long> sizes = files.checkpointSizes();
        this.lastCheckpointSize = sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1);
        this.writer = new Thread(this::writeLoop, "spean-message-log");
        this.writer.setDaemon(true);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "spean-message-log-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        this.ticker.scheduleAtFixedRate(this::checkpointIfDue, checkpointInterval.toMillis(),
                checkpointInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the log, repairing a torn tail, and starts its writer. */
    public static MessageLog open(LogSettings settings, DetachedSigner signer, TimestampAuthority timestamps, Clock clock) {
        LogFiles files = new LogFiles(settings.directory());
        try {
            Files.createDirectories(files.checkpoints());
            if (Files.exists(files.origin())) {
                String recorded = Files.readString(files.origin()).trim();
                if (!recorded.equals(settings.origin())) {
                    throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the log in " + files.directory()
                            + " belongs to origin " + recorded + ", not " + settings.origin());
                }
            } else {
                Files.writeString(files.origin(), settings.origin() + "\n");
            }
            MerkleTree tree = LogRecovery.recover(files);
            FileChannel channel = FileChannel.open(files.entries(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            MessageLog log = new MessageLog(files, settings.origin(), signer, timestamps, clock,
                    settings.checkpointEvery(), settings.checkpointInterval(), channel, tree);
            log.writer.start();
            return log;
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot open the message log in " + files.directory(), e);
        }
    }

    public String origin() {
        return origin;
    }

    public LogFiles files() {
        return files;
    }

    /** Entries durably written so far. */
    public long size() {
        return size;
    }

    /** True while the log takes entries: its writer runs. */
    public boolean isOpen() {
        return writer.isAlive();
    }

    public SignedCheckpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    public void onCheckpoint(Consumer<SignedCheckpoint> listener) {
        checkpointListeners.add(listener);
    }

    /**
     * Appends entries (their index, link and time are set here) and returns once they are on disk; returns the index of
     * the last one. The message they record may move on only after this returns.
     */
    public long append(List<LogEntry> entries) {
        List<byte[]> tails = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            tails.add(EntryLine.tail(entry));
        }
        return await(submit(new Task(tails, false, new CompletableFuture<>())));
    }

    public long append(LogEntry entry) {
        return append(List.of(entry));
    }

    /**
     * Counts a refusal of an unauthenticated message instead of appending an entry for it: the count goes into the log
     * as one entry per node, source and code when the window closes — at each checkpoint tick, before
     * {@link #checkpoint()} and on {@link #close()} (decision 0038). {@code source} must come from a bounded set.
     */
    public void countRefusal(MemberId node, String source, ErrorCode code, String detail) {
        refusals.add(node, source, code, detail, clock.instant());
    }

    /** Writes the refusals counted so far, one entry per count, and returns how many entries that made. */
    public int writeRefusalCounts() {
        List<LogEntry> counts = refusals.close();
        if (!counts.isEmpty()) {
            append(counts);
        }
        return counts.size();
    }

    /** Takes a checkpoint now (if anything was appended since the last one) and returns the log size it covers. */
    public long checkpoint() {
        writeRefusalCounts();
        return await(submit(new Task(List.of(), true, new CompletableFuture<>())));
    }

    @Override
    public void close() {
        if (!writer.isAlive()) {
            return;
        }
        ticker.shutdownNow();
        checkpoint();
        tasks.add(STOP);
        try {
            writer.join();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompletableFuture<Long> submit(Task task) {
        if (!writer.isAlive()) {
            throw new SpeanException(ErrorCode.INTERNAL, "the message log is closed");
        }
        tasks.add(task);
        return task.done();
    }

    private static long await(CompletableFuture<Long> done) {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeanException(ErrorCode.INTERNAL, "interrupted while writing the message log", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SpeanException coded ? coded
                    : new SpeanException(ErrorCode.INTERNAL, "the message log could not be written", e.getCause());
        }
    }

    private void writeLoop() {
        List<Task> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(tasks.take());
            } catch (InterruptedException e) {
                return;
            }
            tasks.drainTo(batch);
            boolean stop = batch.removeIf(task -> task == STOP);
            try {
                long last = writeBatch(batch);
                boolean wanted = batch.stream().anyMatch(Task::checkpoint) || size - lastCheckpointSize >= checkpointEvery;
                if (wanted && size > lastCheckpointSize) {
                    takeCheckpoint();
                }
                for (Task task : batch) {
                    task.done().complete(task.checkpoint() ? lastCheckpointSize : last);
                }
            } catch (RuntimeException | IOException e) {
                LOG.error("the message log cannot be written", e);
                SpeanException failure = new SpeanException(ErrorCode.INTERNAL, "the message log cannot be written", e);
                batch.forEach(task -> task.done().completeExceptionally(failure));
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /** Writes every entry of the batch and forces them to disk once: the group commit. */
    private long writeBatch(List<Task> batch) throws IOException {
        long last = size - 1;
        List<ByteBuffer> lines = new ArrayList<>();
        for (Task task : batch) {
            for (byte[] tail : task.entryTails()) {
                long index = tree.size();
                byte[] line = EntryLine.place(index, Digests.hex(lastLeafHash), clock.instant(), tail);
                lastLeafHash = tree.append(line);
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n');
                lines.add(buffer.flip());
                last = index;
            }
        }
        if (!lines.isEmpty()) {
            ByteBuffer[] buffers = lines.toArray(ByteBuffer[]::new);
            while (buffers[buffers.length - 1].hasRemaining()) {
                channel.write(buffers);
            }
            channel.force(false);
            size = tree.size();
        }
        return last;
    }

    private void takeCheckpoint() throws IOException {
        Checkpoint checkpoint = new Checkpoint(origin, tree.size(), tree.root());
        byte[] text = checkpoint.text();
        long previousSize = lastCheckpointSize;
        SignedCheckpoint signed = new SignedCheckpoint(checkpoint, signer.sign(text), timestamps.timestamp(text),
                previousSize, tree.consistencyProof(previousSize, checkpoint.size()));
        writeDurably(files.checkpointSignature(checkpoint.size()), signed.signature());
        writeDurably(files.checkpointTimestamp(checkpoint.size()), signed.timestamp());
        // The text goes last: a checkpoint exists for readers once its .txt does, with its proofs already beside it.
        writeDurably(files.checkpointText(checkpoint.size()), text);
        lastCheckpointSize = checkpoint.size();
        lastCheckpoint = signed;
        for (Consumer<SignedCheckpoint> listener : checkpointListeners) {
            try {
                listener.accept(signed);
            } catch (RuntimeException e) {
                LOG.warn("a checkpoint listener failed: {}", e.getMessage());
            }
        }
    }

    private static void writeDurably(java.nio.file.Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** Closes the refusal window, then asks the writer for a checkpoint when entries arrived since the last one. */
    private void checkpointIfDue() {
        if (!writer.isAlive()) {
            return;
        }
        try {
            writeRefusalCounts();
        } catch (RuntimeException e) {
            LOG.error("cannot write the refusal counts: {}", e.getMessage());
        }
        if (size > lastCheckpointSize && writer.isAlive()) {
            tasks.add(new Task(List.of(), true, new CompletableFuture<>()));
        }
    }
}

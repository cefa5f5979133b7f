package kh.gov.spean.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kh.gov.spean.cli.demo.MockBackendTls;
import kh.gov.spean.node.TestNetwork;

/**
 * A gateway node ({@code spean gateway}) or the embedded broker ({@code spean kafka}) in a JVM of its own, so that a
 * test can kill it with SIGKILL — no shutdown hook, no flush, no goodbye — and start it again on the same data.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready at (\\S+)");
    private static final int LAST_LINES = 20;

    private final Process process;
    private final String readyAt;

    private NodeProcess(Process process, String readyAt) {
        this.process = process;
        this.readyAt = readyAt;
    }

    /** Starts {@code spean gateway ARGS} and waits until it says where it listens. */
    public static NodeProcess start(Path log, String... gatewayArguments) throws Exception {
        // These processes serve tests of crashes, Kafka and scale-out, whose callers speak plain HTTP: the development
        // edge. The TLS edge and its client certificates are tested in process (EdgeAuthenticationIT, SendCommandIT).
        List<String> arguments = new ArrayList<>(List.of("gateway", "--dev-plain-http"));
        arguments.addAll(List.of(gatewayArguments));
        if (!arguments.contains("--management-port")) {
            // Tests run nodes side by side: each management port is any free one, as the service port is.
            arguments.addAll(List.of("--management-port", "0"));
        }
        return command(log, arguments);
    }

    /** {@code arguments}, then the options that make a node trust the mock backends made under {@code data}. */
    public static String[] withBackendTls(Path data, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(MockBackendTls.gatewayOptions(TestNetwork.backendTls(data)));
        return all.toArray(String[]::new);
    }

    /** Starts {@code spean kafka ARGS}, the embedded broker alone, and waits until it says where it listens. */
    public static NodeProcess broker(Path log, String... kafkaArguments) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("kafka"));
        arguments.addAll(List.of(kafkaArguments));
        return command(log, arguments);
    }

    private static NodeProcess command(Path log, List<String> arguments) throws Exception {
        // Vert.x's file cache folder, which a killed JVM cannot delete, goes into the log's folder (the test's, which
        // JUnit deletes), not /tmp: Vert.x names it after the base with "-" and a UUID appended, so the base is a name
        // inside that folder, not the folder itself.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dvertx.cacheDirBase=" + log.toAbsolutePath().resolveSibling("vertx-cache"),
                "-Dspean.home=" + SpeanHome.root(), SpeanCommand.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, ready), "node-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new NodeProcess(process, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the node did not start; see " + log, e);
        }
    }

    public URI baseUri() {
        return URI.create(readyAt);
    }

    /** What the process said it is ready at: a URL, or a broker's HOST:PORT. */
    public String readyAt() {
        return readyAt;
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            // The last lines go into the failure itself: the log is in a folder JUnit deletes after the test.
            ArrayDeque<String> last = new ArrayDeque<>();
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                if (last.size() == LAST_LINES) {
                    last.removeFirst();
                }
                last.addLast(line);
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    ready.complete(matcher.group(1));
                }
            }
            ready.completeExceptionally(new IllegalStateException("the node's output ended before it was ready:\n"
                    + String.join("\n", last)));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }
}

package kh.gov.spean.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.federation.TimestampingFiles;

/**
 * {@code spean timestamp-authority --data DIR}: serves the development timestamp authority {@code spean init} made,
 * on the federation authority's machine, for nodes that run apart ({@code spean gateway --tsa-url}). Runs until stopped.
 */
@Command(name = "timestamp-authority", mixinStandardHelpOptions = true,
        description = "Serve the development RFC 3161 timestamp authority over HTTP, for nodes given --tsa-url.")
public final class TimestampAuthorityCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "The federation authority's data directory (spean init).")
    Path data;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "3180", description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        try (TimestampServer server = TimestampServer.start(TimestampingFiles.in(data).loadAuthority(), host, port)) {
            System.out.println("Timestamp authority listening on http://" + host + ":" + server.port() + "/");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}

package kh.gov.spean.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kh.gov.spean.crypto.BuiltInTimestampAuthority;
import kh.gov.spean.error.SpeanException;

/**
 * The development timestamp authority served over HTTP as RFC 3161 §3.4 describes ({@code application/timestamp-query}
 * in, {@code application/timestamp-reply} out), so that nodes on their own hosts name it with {@code --tsa-url} and
 * its key stays with the federation authority.
 */
final class TimestampServer implements AutoCloseable {

    /** A timestamp query is a digest and a few fields: a few hundred bytes. */
    private static final int MAXIMUM_QUERY_BYTES = 16 * 1024;

    private final HttpServer server;

    private TimestampServer(HttpServer server) {
        this.server = server;
    }

    static TimestampServer start(BuiltInTimestampAuthority authority, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", exchange -> answer(authority, exchange));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return new TimestampServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(BuiltInTimestampAuthority authority, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!"application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            byte[] query;
            try (InputStream in = exchange.getRequestBody()) {
                query = in.readNBytes(MAXIMUM_QUERY_BYTES + 1);
            }
            if (query.length > MAXIMUM_QUERY_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            byte[] reply;
            try {
                reply = authority.answer(query);
            } catch (SpeanException notAQuery) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

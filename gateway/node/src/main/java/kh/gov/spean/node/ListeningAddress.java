package kh.gov.spean.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Binds an address once, and lets it go, before a server of Spean's binds it (decision 0027). Camel's Vert.x server
 * only logs a failed bind and starts anyway, so a node whose port another process held said it was ready where that
 * process answered; Kafka's broker and WireMock throw a stack trace of their own. With this check each refuses to
 * start with a coded error naming the address.
 */
public final class ListeningAddress {

    private ListeningAddress() {
    }

    /** {@code listener} names what would listen, for the error: e.g. "the node's HTTP edge". */
    public static void requireFree(String listener, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    listener + " cannot listen on " + host + ":" + port + " (a port is 0..65535)");
        }
        // Port 0 too: the system would give the server a free port, but the host must still be one of this machine's.
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Vert.x and Jetty bind: a port closed connections still wait on is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID,
                    listener + " cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }
}

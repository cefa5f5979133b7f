package kh.gov.spean.node.management;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Step: {@code GET /static/NAME} and {@code GET /login} on the management port: the login page and the audit page's
 * script and style sheet, which live in files of their own so that the Content-Security-Policy allows no inline code.
 * A fixed list, read once; nothing else is served.
 */
public final class ServeStaticResource implements Processor {

    static final String LOGIN_PAGE = "login.html";
    private static final Map<String, String> TYPES = Map.of(
            LOGIN_PAGE, "text/html; charset=utf-8",
            "login.css", "text/css; charset=utf-8",
            "audit.css", "text/css; charset=utf-8",
            "audit.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;
    private final String fixedName;

    private ServeStaticResource(Map<String, byte[]> files, String fixedName) {
        this.files = files;
        this.fixedName = fixedName;
    }

    /** Serves the file named by the path after {@code /static/}. */
    public static ServeStaticResource byPath() {
        return new ServeStaticResource(load(), null);
    }

    /** Serves the login page, whatever the path. */
    public static ServeStaticResource loginPage() {
        return new ServeStaticResource(load(), LOGIN_PAGE);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String name = fixedName;
        if (name == null) {
            String path = message.getHeader(Exchange.HTTP_PATH, String.class);
            name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            if (!("/static/" + name).equals(path) || !files.containsKey(name)) {
                throw new SpeanException(ErrorCode.UNKNOWN_SERVICE, "no such file: " + path);
            }
        }
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, TYPES.get(name));
        message.setBody(files.get(name));
    }

    private static Map<String, byte[]> load() {
        return Map.of(LOGIN_PAGE, read(LOGIN_PAGE), "login.css", read("login.css"), "audit.css", read("audit.css"),
                "audit.js", read("audit.js"));
    }

    private static byte[] read(String name) {
        try (InputStream in = ServeStaticResource.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the node's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package kh.gov.spean.node.metadata;

import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Whether a call under {@code /r1/} asks a metaservice — {@code GET /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/}
 * {@code listMethods | allowedMethods | getOpenAPI} — rather than a service: X-Road reserves those codes, so no
 * service can be named so.
 */
public final class IsMetaserviceCall implements Predicate {

    private static final Pattern METASERVICE =
            Pattern.compile("/r1/[^/]+/[^/]+/[^/]+/[^/]+/(listMethods|allowedMethods|getOpenAPI)(\\?.*)?");

    @Override
    public boolean matches(Exchange exchange) {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        return "GET".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))
                && uri != null && METASERVICE.matcher(uri).matches();
    }
}

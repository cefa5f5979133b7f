package kh.gov.spean.node.http;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Message;

/** HTTP header names of the X-Road REST protocol (and Spean's own additions), in one place. */
public final class XRoadHeaders {

    /** The calling subsystem, {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM}. */
    public static final String CLIENT = "X-Road-Client";
    /** The message id: Spean's request envelope id. */
    public static final String ID = "X-Road-Id";
    /** Base64 SHA-512 of the request as signed, proving which request a response answers. */
    public static final String REQUEST_HASH = "X-Road-Request-Hash";
    /** The error code, on any error answer. */
    public static final String ERROR = "X-Road-Error";
    /** The node's unique id of the request, on every answer and to the provider's backend. */
    public static final String REQUEST_ID = "X-Road-Request-Id";
    /** The user whose action caused the request, e.g. {@code KH010203040}: carried in the signed header. */
    public static final String USER_ID = "X-Road-UserId";
    /** The case, application or document that caused the request: carried in the signed header. */
    public static final String ISSUE = "X-Road-Issue";
    /** The third party the client acts for, {@code [MEMBERCLASS/]MEMBERCODE}: carried in the signed header. */
    public static final String REPRESENTED_PARTY = "X-Road-Represented-Party";
    /**
     * Spean's own: the purpose of a call, a code of the federation's catalogue, e.g. {@code BUSINESS_REGISTRATION};
     * required, with {@link #USER_ID}, by a personal-data service (decision 0057). Carried in the signed header.
     */
    public static final String PURPOSE = "X-Spean-Purpose";
    /** The service called, echoed on the answer and passed to the provider's backend. */
    public static final String SERVICE = "X-Road-Service";
    /**
     * Spean's own: the hex salt of the commitment to the request (to the client, and to the provider's backend) and to
     * the response (to the client). Kept with the plaintext, it proves later what was said ({@code spean audit open}).
     */
    public static final String REQUEST_SALT = "X-Spean-Request-Salt";
    public static final String RESPONSE_SALT = "X-Spean-Response-Salt";
    /**
     * On a one-way message handed to a backend again after the provider's node stopped between handing it over and
     * logging the backend's acceptance: the backend may have it already, under the same {@link #ID}.
     */
    public static final String REDELIVERY = "X-Spean-Redelivery";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String JSON = "application/json";

    private XRoadHeaders() {
    }

    /** Adds a value to a header; a repeated header stays repeated: Camel's HTTP sends each value of a list as a field. */
    public static void append(Message message, String name, String value) {
        Object present = message.getHeader(name);
        if (present == null) {
            message.setHeader(name, value);
            return;
        }
        List<Object> values = new ArrayList<>();
        if (present instanceof List<?> list) {
            values.addAll(list);
        } else {
            values.add(present);
        }
        values.add(value);
        message.setHeader(name, values);
    }
}

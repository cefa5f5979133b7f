package kh.gov.spean.node.http;

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
    /** The service called, echoed on the answer and passed to the provider's backend. */
    public static final String SERVICE = "X-Road-Service";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String JSON = "application/json";

    private XRoadHeaders() {
    }
}

package kh.gov.spean.node;

/** Names of the Camel exchange properties the node's steps hand to each other, in one place. */
public final class ExchangeKeys {

    /** The {@link kh.gov.spean.node.http.ServiceCall} read at the HTTP edge. */
    public static final String SERVICE_CALL = "spean.serviceCall";
    /** The {@link kh.gov.spean.envelope.Envelope} being sent or received. */
    public static final String ENVELOPE = "spean.envelope";
    /** An envelope this node sealed and is about to publish (a request, a response or an error reply). */
    public static final String OUTGOING_ENVELOPE = "spean.outgoingEnvelope";
    /** The certificate that signed the incoming envelope, once verified. */
    public static final String SIGNER = "spean.signer";
    /** The record's offset commit, kept aside because steps clear the message headers. */
    public static final String OFFSET_COMMIT = "spean.offsetCommit";
    /** The Kafka record's bytes exactly as they arrived, for the digest a refusal is logged with. */
    public static final String RAW_RECORD = "spean.rawRecord";
    /** Where the Kafka record came from, {@code TOPIC/PARTITION}: the source its refusal is counted under. */
    public static final String RECORD_SOURCE = "spean.recordSource";
    /** The node of the requesting member that waits for the answer, from the request's record (KafkaRecord). */
    public static final String REPLY_TO = "spean.replyTo";
    /** Set once an incoming envelope's signature verified: its sender is known, so a coded error can be sent back. */
    public static final String AUTHENTICATED = "spean.authenticated";
    /** The salt (byte[]) of the commitment to the payload this node sealed or opened. */
    public static final String SALT = "spean.salt";
    /** The plaintext payload (byte[]) once opened. */
    public static final String PAYLOAD = "spean.payload";
    /** The {@link kh.gov.spean.envelope.RestFrame} opened beside the payload (null on the first layout). */
    public static final String REST_FRAME = "spean.restFrame";
    /** The HTTP status (Integer) of the provider's backend answer. */
    public static final String BACKEND_STATUS = "spean.backendStatus";
    /** The federation's service entry for the exchange. */
    public static final String SERVICE = "spean.service";
    /**
     * The connector route (a {@code direct:} URI) that serves the requested service. No dot in its name: routes call
     * it with {@code toD("${exchangeProperty.SpeanConnectorRoute}")}, and Simple reads a dot as a method call.
     */
    public static final String CONNECTOR_ROUTE = "SpeanConnectorRoute";
    /** The pending client-side exchange's result, once the provider answered. */
    public static final String SERVICE_RESPONSE = "spean.serviceResponse";
    /** The {@link kh.gov.spean.node.exchange.PendingExchanges.Pending} request an incoming answer is bound to. */
    public static final String PENDING = "spean.pending";
    /** Set when a refused request is answered with a signed error envelope (the record to publish is the body). */
    public static final String ERROR_REPLY = "spean.errorReply";
    /** The caller's {@code Prefer} header, e.g. {@code respond-async}. */
    public static final String PREFER = "spean.prefer";
    /** Set on a one-way request this node already receipted: a retry, answered again without a second delivery. */
    public static final String ALREADY_RECEIPTED = "spean.alreadyReceipted";
    /** Set on a one-way request handed to the backend before a restart with no receipt logged: it goes again, marked. */
    public static final String REDELIVERY = "spean.redelivery";
    /** The subscriber copies of a published event (a list of envelopes). */
    public static final String EVENT_COPIES = "spean.eventCopies";
    /** The {@link kh.gov.spean.id.EnvelopeId} of a published event, shared by all its copies. */
    public static final String PUBLICATION = "spean.publication";
    /** The instant a sealed request was handed to Kafka, for operational monitoring. */
    public static final String REQUEST_OUT_AT = "spean.requestOutAt";
    /** The instant the provider's verified answer resumed the waiting call, for operational monitoring. */
    public static final String RESPONSE_IN_AT = "spean.responseInAt";
    /** Milliseconds since the epoch when the node first saw this exchange. */
    public static final String RECEIVED_AT = "spean.receivedAt";

    /** The methods a path of the service's OpenAPI description serves, for the {@code Allow} header of a 405. */
    public static final String ALLOWED_METHODS = "spean.allowedMethods";

    /** At the provider's node, the request's target, kept for checking the answer against its operation. */
    public static final String REQUEST_TARGET = "spean.requestTarget";

    /** At the provider's node, the keyed tag of the data subject a request names (never the subject's id). */
    public static final String SUBJECT_TAG = "spean.subjectTag";

    /** At the provider's node, the delivery entry just logged, and its index in the log. */
    public static final String DELIVERED_ENTRY = "spean.deliveredEntry";
    public static final String DELIVERED_INDEX = "spean.deliveredIndex";

    private ExchangeKeys() {
    }
}

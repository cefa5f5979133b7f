package kh.gov.spean.envelope;

import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

/** What the sending node decides about an envelope; {@link EnvelopeSealer} adds times, commitment, digest, signature. */
public record EnvelopeDraft(
        EnvelopeId id,
        EnvelopeId correlationId,
        EnvelopeType type,
        MemberId recipient,
        SubsystemId client,
        ServiceId service,
        SchemaId schemaId,
        String schemaSha256,
        String requestHash,
        String errorCode,
        RestFields rest) {

    /** A draft of the first layout, with no REST fields. */
    public EnvelopeDraft(EnvelopeId id, EnvelopeId correlationId, EnvelopeType type, MemberId recipient,
                         SubsystemId client, ServiceId service, SchemaId schemaId, String schemaSha256,
                         String requestHash, String errorCode) {
        this(id, correlationId, type, recipient, client, service, schemaId, schemaSha256, requestHash, errorCode, null);
    }

    /** This draft for an X-Road REST message: its payload is sealed with a {@link RestFrame}. */
    public EnvelopeDraft withRest(RestFields fields) {
        return new EnvelopeDraft(id, correlationId, type, recipient, client, service, schemaId, schemaSha256,
                requestHash, errorCode, fields);
    }

    public static EnvelopeDraft request(SubsystemId client, ServiceId service, SchemaId schemaId, String schemaSha256) {
        EnvelopeId id = EnvelopeId.random();
        return new EnvelopeDraft(id, id, EnvelopeType.REQUEST, service.member(), client, service, schemaId, schemaSha256,
                null, null);
    }

    public static EnvelopeDraft response(EnvelopeHeader request, SchemaId schemaId, String schemaSha256, String requestHash) {
        return new EnvelopeDraft(EnvelopeId.random(), request.id(), EnvelopeType.RESPONSE, request.sender(),
                request.client(), request.service(), schemaId, schemaSha256, requestHash, null);
    }

    /** The signed receipt for a one-way request: its backend has accepted the message. */
    public static EnvelopeDraft receipt(EnvelopeHeader request, String requestHash) {
        return new EnvelopeDraft(EnvelopeId.random(), request.id(), EnvelopeType.RECEIPT, request.sender(),
                request.client(), request.service(), null, null, requestHash, null);
    }

    /** One subscriber's copy of an event; all copies of one publication share its id as their correlation id. */
    public static EnvelopeDraft event(EnvelopeId publication, SubsystemId subscriber, ServiceId event, SchemaId schemaId,
                                      String schemaSha256) {
        return new EnvelopeDraft(EnvelopeId.random(), publication, EnvelopeType.EVENT, subscriber.member(), subscriber,
                event, schemaId, schemaSha256, null, null);
    }

    public static EnvelopeDraft error(EnvelopeHeader request, String requestHash, String errorCode) {
        return new EnvelopeDraft(EnvelopeId.random(), request.id(), EnvelopeType.ERROR, request.sender(),
                request.client(), request.service(), null, null, requestHash, errorCode);
    }
}

package kh.gov.spean.node.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeHeader;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.envelope.RequestHash;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.ExchangeKeys;
import kh.gov.spean.validation.SchemaId;

/** An answer is accepted only for the request it is bound to: same provider, same service, same request hash. */
class BindToPendingRequestTest {

    static final MemberId MEF = MemberId.parse("KH/GOV/MEF");
    static final MemberId MOI = MemberId.parse("KH/GOV/MOI");
    static final MemberId MPTC = MemberId.parse("KH/GOV/MPTC");
    static final ServiceId SERVICE = ServiceId.parse("KH/GOV/MOI/ID-REGISTRY/verifyCitizen");
    static final SubsystemId CLIENT = SubsystemId.parse("KH/GOV/MEF/BUSINESS-REGISTRY");

    final PendingExchanges pending = new PendingExchanges(Duration.ofSeconds(30));
    final Envelope request = envelope(EnvelopeId.random(), null, EnvelopeType.REQUEST, MEF, MOI, null);

    @Test
    void binds_an_answer_carrying_the_requests_hash() {
        PendingExchanges.Pending waiting = pending.register(request);
        Exchange exchange = exchangeWith(answer(MOI, RequestHash.of(request)));
        new BindToPendingRequest(pending).process(exchange);
        assertSame(waiting, exchange.getProperty(ExchangeKeys.PENDING));
    }

    @Test
    void refuses_an_answer_carrying_another_requests_hash() {
        pending.register(request);
        Envelope other = envelope(EnvelopeId.random(), null, EnvelopeType.REQUEST, MEF, MOI, null);
        assertCode(ErrorCode.REQUEST_HASH_MISMATCH, exchangeWith(answer(MOI, RequestHash.of(other))));
    }

    @Test
    void refuses_an_answer_from_a_member_other_than_the_provider() {
        pending.register(request);
        assertCode(ErrorCode.REQUEST_HASH_MISMATCH, exchangeWith(answer(MEF, RequestHash.of(request))));
    }

    @Test
    void a_refused_answer_is_not_bound_and_leaves_the_call_waiting_for_the_genuine_one() {
        PendingExchanges.Pending waiting = pending.register(request);
        Exchange forged = exchangeWith(answer(MPTC, RequestHash.of(request)));
        assertCode(ErrorCode.REQUEST_HASH_MISMATCH, forged);
        assertNull(forged.getProperty(ExchangeKeys.PENDING), "the inbox's error step fails only a bound request");
        assertFalse(waiting.answer().isDone());
        Exchange genuine = exchangeWith(answer(MOI, RequestHash.of(request)));
        new BindToPendingRequest(pending).process(genuine);
        assertSame(waiting, genuine.getProperty(ExchangeKeys.PENDING));
    }

    @Test
    void refuses_an_answer_nobody_is_waiting_for() {
        assertCode(ErrorCode.TIMEOUT, exchangeWith(answer(MOI, RequestHash.of(request))));
    }

    @Test
    void a_request_nobody_answers_fails_with_a_coded_timeout() {
        PendingExchanges quick = new PendingExchanges(Duration.ofMillis(50));
        PendingExchanges.Pending waiting = quick.register(request);
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.answer().get(10, java.util.concurrent.TimeUnit.SECONDS)).getCause();
        assertEquals(ErrorCode.TIMEOUT, ((SpeanException) failure).code());
        assertEquals(java.util.Optional.empty(), quick.find(request.header().id()));
    }

    private Envelope answer(MemberId sender, String requestHash) {
        return envelope(EnvelopeId.random(), request.header().id(), EnvelopeType.RESPONSE, sender, MEF, requestHash);
    }

    private static Envelope envelope(EnvelopeId id, EnvelopeId correlation, EnvelopeType type, MemberId sender,
                                     MemberId recipient, String requestHash) {
        Instant now = Instant.now();
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.CURRENT_VERSION, id, correlation == null ? id : correlation,
                type, sender, recipient, CLIENT, SERVICE, now, now.plusSeconds(300),
                SchemaId.parse("moi.verifyCitizen.request/v1"), "00", "c29tZQ==", "c29tZQ==", requestHash, null, null);
        return new Envelope(EnvelopeCodec.encodeHeader(header), header, new byte[0],
                "ciphertext".getBytes(StandardCharsets.UTF_8));
    }

    private static Exchange exchangeWith(Envelope envelope) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ExchangeKeys.ENVELOPE, envelope);
        return exchange;
    }

    private void assertCode(ErrorCode expected, Exchange exchange) {
        SpeanException thrown = assertThrows(SpeanException.class, () -> new BindToPendingRequest(pending).process(exchange));
        assertEquals(expected, thrown.code(), thrown::detail);
    }
}

package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.camel.RuntimeCamelException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

class ErrorClassifierTest {

    @Test
    void finds_the_spean_code_under_camels_wrapping() {
        Throwable wrapped = new RuntimeCamelException(new SpeanException(ErrorCode.REPLAYED, "seen before"));
        assertEquals(ErrorCode.REPLAYED, ErrorClassifier.codeOf(wrapped));
        assertEquals("seen before", ErrorClassifier.detailOf(wrapped));
    }

    @Test
    void a_kafka_failure_is_the_transport_being_unavailable() {
        assertEquals(ErrorCode.TRANSPORT_UNAVAILABLE, ErrorClassifier.codeOf(new TimeoutException("metadata")));
    }

    @Test
    void a_refused_connection_is_the_backend_being_unavailable() {
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, ErrorClassifier.codeOf(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void a_backend_that_took_the_call_and_fell_silent_timed_out_one_never_reached_is_unavailable() {
        assertEquals(ErrorCode.BACKEND_TIMEOUT, ErrorClassifier.codeOf(new RuntimeException(new SocketTimeoutException("Read timed out"))));
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, ErrorClassifier.codeOf(new RuntimeException(new ConnectTimeoutException("connect"))));
    }

    @Test
    void a_backend_certificate_the_node_does_not_trust_is_an_untrusted_backend() {
        SSLHandshakeException pathFailed = new SSLHandshakeException("PKIX path building failed");
        pathFailed.initCause(new CertificateException(new CertPathValidatorException("no trust anchor")));
        assertEquals(ErrorCode.BACKEND_UNTRUSTED, ErrorClassifier.codeOf(new RuntimeException(pathFailed)));
        assertEquals(ErrorCode.BACKEND_UNTRUSTED, ErrorClassifier.codeOf(
                new SSLPeerUnverifiedException("Certificate for <backend> doesn't match")));
    }

    @Test
    void a_handshake_the_backend_ended_is_the_backend_refusing_the_node() {
        assertEquals(ErrorCode.BACKEND_TLS_REFUSED, ErrorClassifier.codeOf(
                new SSLHandshakeException("Received fatal alert: bad_certificate")));
        SSLHandshakeException closed = new SSLHandshakeException("closed the connection during the TLS handshake");
        closed.initCause(new SocketException("Broken pipe"));
        assertEquals(ErrorCode.BACKEND_TLS_REFUSED, ErrorClassifier.codeOf(new RuntimeException(closed)));
    }

    @Test
    void anything_else_is_internal_and_its_message_is_not_shown() {
        Throwable failure = new IllegalStateException("secret internal detail");
        assertEquals(ErrorCode.INTERNAL, ErrorClassifier.codeOf(failure));
        assertEquals(ErrorCode.INTERNAL.title(), ErrorClassifier.detailOf(failure));
    }

    @Test
    void failures_of_the_provider_side_are_worth_retrying_refusals_are_not() {
        assertTrue(ErrorCode.BACKEND_UNAVAILABLE.isTransient());
        assertTrue(ErrorCode.BACKEND_ERROR.isTransient());
        assertTrue(ErrorCode.BACKEND_TIMEOUT.isTransient());
        assertTrue(ErrorCode.TRANSPORT_UNAVAILABLE.isTransient());
        assertTrue(ErrorCode.TIMEOUT.isTransient());
        assertTrue(ErrorCode.BACKEND_UNTRUSTED.isTransient());
        assertTrue(ErrorCode.BACKEND_TLS_REFUSED.isTransient());
        assertFalse(ErrorCode.BACKEND_REFUSED.isTransient());
        assertFalse(ErrorCode.SIGNATURE_INVALID.isTransient());
        assertFalse(ErrorCode.SCHEMA_INVALID.isTransient());
    }
}

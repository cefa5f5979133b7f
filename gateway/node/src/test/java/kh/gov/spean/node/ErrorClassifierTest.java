package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import org.apache.camel.RuntimeCamelException;
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
    void anything_else_is_internal_and_its_message_is_not_shown() {
        Throwable failure = new IllegalStateException("secret internal detail");
        assertEquals(ErrorCode.INTERNAL, ErrorClassifier.codeOf(failure));
        assertEquals(ErrorCode.INTERNAL.title(), ErrorClassifier.detailOf(failure));
    }

    @Test
    void only_unavailability_and_timeouts_are_worth_retrying() {
        assertTrue(ErrorClassifier.isTransient(ErrorCode.BACKEND_UNAVAILABLE));
        assertTrue(ErrorClassifier.isTransient(ErrorCode.TRANSPORT_UNAVAILABLE));
        assertTrue(ErrorClassifier.isTransient(ErrorCode.TIMEOUT));
        assertFalse(ErrorClassifier.isTransient(ErrorCode.SIGNATURE_INVALID));
        assertFalse(ErrorClassifier.isTransient(ErrorCode.SCHEMA_INVALID));
        assertFalse(ErrorClassifier.isTransient(ErrorCode.BACKEND_ERROR));
    }
}

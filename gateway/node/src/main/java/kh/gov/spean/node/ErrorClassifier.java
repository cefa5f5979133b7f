package kh.gov.spean.node;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.kafka.common.KafkaException;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * The one place that decides what a failure is: its Spean error code (whether trying again could help is the
 * code's own {@link ErrorCode#isTransient()}).
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /** The code for any failure, looking through Camel's and the JDK's wrappers for the cause that names it. */
    public static ErrorCode codeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SpeanException coded) {
                return coded.code();
            }
            if (cause instanceof KafkaException) {
                return ErrorCode.TRANSPORT_UNAVAILABLE;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof ConnectTimeoutException) {
                return ErrorCode.BACKEND_UNAVAILABLE;
            }
            if (cause instanceof SocketTimeoutException) {
                return ErrorCode.BACKEND_TIMEOUT;
            }
            // Sent, perhaps, and no answer: a reset, or a connection closed before any status line.
            if (cause instanceof SocketException || cause instanceof NoHttpResponseException
                    || cause instanceof ConnectionClosedException) {
                return ErrorCode.BACKEND_CONNECTION_LOST;
            }
            if (cause instanceof SSLException tls) {
                return tlsFailure(tls);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return ErrorCode.INTERNAL;
    }

    /**
     * True when trying the same thing again could succeed (a backend down, slow or failing, Kafka unreachable), false
     * when it would fail the same way (a refusal, a forgery, a 4xx): what decides whether a step is redelivered.
     */
    public static boolean isTransient(Throwable failure) {
        return failure != null && codeOf(failure).isTransient();
    }

    /**
     * A TLS failure with a backend: its certificate is not from the CA the node trusts or names another host
     * (refused by the node), or the backend refused the node, which learns it from an alert the backend sent.
     */
    private static ErrorCode tlsFailure(SSLException failure) {
        if (failure instanceof SSLPeerUnverifiedException) {
            return ErrorCode.BACKEND_UNTRUSTED;
        }
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof GeneralSecurityException) {
                return ErrorCode.BACKEND_UNTRUSTED;
            }
        }
        return ErrorCode.BACKEND_TLS_REFUSED;
    }

    /** A detail safe to show a caller: a Spean exception's own detail, otherwise the code's title, never a stack trace. */
    public static String detailOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SpeanException coded) {
                return coded.detail();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return codeOf(failure).title();
    }
}

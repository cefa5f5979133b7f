package kh.gov.spean.node.http;

import kh.gov.spean.error.ErrorCode;

/**
 * An RFC 9457 problem detail, with Spean's error code and a trace id (the X-Road-Id when the request got that far).
 *
 * @param type URI reference naming the problem type (RFC 9457 §3.1.1): {@code urn:spean:problem:CODE}
 */
public record ProblemDetails(String type, String title, int status, String detail, String instance, String code,
                             String traceId) {

    public static ProblemDetails of(ErrorCode code, String detail, String instance, String traceId) {
        return new ProblemDetails("urn:spean:problem:" + code.code(), code.title(), code.httpStatus(), detail, instance,
                code.code(), traceId);
    }
}

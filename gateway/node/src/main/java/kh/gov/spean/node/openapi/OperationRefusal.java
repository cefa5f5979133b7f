package kh.gov.spean.node.openapi;

import java.util.List;

import kh.gov.spean.error.ErrorCode;

/**
 * Why a call breaks its service's OpenAPI description: the code, what the validator said, and for
 * {@code client.method_not_allowed} the methods the path does serve (the {@code Allow} header).
 */
public record OperationRefusal(ErrorCode code, String detail, List<String> allowedMethods) {

    public OperationRefusal {
        allowedMethods = List.copyOf(allowedMethods);
    }
}

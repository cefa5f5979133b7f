package kh.gov.spean.node.http;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.SubsystemId;

/** A ministry system's call as read at the HTTP edge: who calls, which service, with what payload. */
public record ServiceCall(SubsystemId client, Federation.Service service, byte[] payload) {
}

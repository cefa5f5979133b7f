package kh.gov.spean.node.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.ExchangeKeys;

class CheckRateLimitTest {

    final CheckRateLimit limit = new CheckRateLimit(3);

    @Test
    void a_client_may_burst_up_to_its_limit_and_is_refused_beyond_it() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> limit.process(callFrom("KH/GOV/MEF/BUSINESS-REGISTRY")));
        }
        SpeanException refused = assertThrows(SpeanException.class,
                () -> limit.process(callFrom("KH/GOV/MEF/BUSINESS-REGISTRY")));
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertEquals(429, refused.code().httpStatus());
    }

    @Test
    void one_clients_burst_does_not_limit_another() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> limit.process(callFrom("KH/GOV/MEF/BUSINESS-REGISTRY")));
        }
        assertDoesNotThrow(() -> limit.process(callFrom("KH/GOV/MEF/TAX-REGISTRY")));
    }

    static Exchange callFrom(String client) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ExchangeKeys.SERVICE_CALL, new ServiceCall(SubsystemId.parse(client), null, new byte[0]));
        return exchange;
    }
}

package kh.gov.spean.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeUrlPropertyTest {

    @Test
    void an_edge_listening_on_every_interface_is_called_on_loopback() {
        assertEquals("127.0.0.1", NodeUrlProperty.callableHost("0.0.0.0"));
        assertEquals("[::1]", NodeUrlProperty.callableHost("::"));
        assertEquals("[::1]", NodeUrlProperty.callableHost("[::]"));
    }

    @Test
    void an_edge_listening_on_one_address_is_called_there() {
        assertEquals("127.0.0.1", NodeUrlProperty.callableHost("127.0.0.1"));
        assertEquals("10.1.2.3", NodeUrlProperty.callableHost("10.1.2.3"));
        assertEquals("gateway.moi.gov.kh", NodeUrlProperty.callableHost("gateway.moi.gov.kh"));
    }
}

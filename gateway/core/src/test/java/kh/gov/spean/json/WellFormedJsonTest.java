package kh.gov.spean.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.json.bind.JsonbException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/**
 * Every text Spean reads from outside is proven one complete, bounded JSON value before Yasson or Parsson sees it:
 * the truncated texts on which Parsson's skipping never ends are refused at once, with a reason that quotes nothing.
 */
class WellFormedJsonTest {

    /** A preemptive limit: a spin fails the test in seconds instead of hanging the build. */
    static final Duration AT_ONCE = Duration.ofSeconds(5);

    public record Wire(int v, String header) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":1,\"x\":[", "{", "[1,2", "{\"v\":1,\"x\":{\"y\":", "{\"v\":1,\"x\":[[[{}]",
            "{\"v\":1,\"x\":\"", "{\"v\":1,\"x\":tr", ""})
    void a_truncated_text_is_refused_at_once(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonbException refused = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(JsonbException.class, () -> SpeanJson.fromBytes(bytes, Wire.class)));
        assertTrue(refused.getMessage().startsWith("not well-formed JSON"), refused.getMessage());
        assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(JsonbException.class, () -> SpeanJson.readObject(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":1,\"x\":[", "{", "[1,2", "{\"v\":1,\"header\":\"e30=\",\"x\":{"})
    void an_envelope_cut_short_is_malformed_not_a_spin(String text) {
        SpeanException refused = assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(SpeanException.class,
                () -> EnvelopeCodec.decode(text.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ErrorCode.ENVELOPE_MALFORMED, refused.code());
    }

    @Test
    void an_unknown_property_of_a_complete_text_is_skipped_as_before() {
        Wire wire = SpeanJson.fromBytes("{\"v\":1,\"x\":[1,{\"y\":[2]}],\"header\":\"h\"}".getBytes(StandardCharsets.UTF_8),
                Wire.class);
        assertEquals(new Wire(1, "h"), wire);
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        String deep = "[".repeat(WellFormedJson.MAX_DEPTH + 1) + "]".repeat(WellFormedJson.MAX_DEPTH + 1);
        String allowed = "[".repeat(WellFormedJson.MAX_DEPTH) + "]".repeat(WellFormedJson.MAX_DEPTH);
        assertDoesNotThrow(() -> WellFormedJson.require(allowed));
        JsonbException refused = assertThrows(JsonbException.class, () -> WellFormedJson.require(deep));
        assertTrue(refused.getMessage().contains("nested deeper"), refused.getMessage());
    }

    @Test
    void a_key_twice_in_one_object_is_refused() {
        JsonbException refused = assertThrows(JsonbException.class,
                () -> WellFormedJson.require("{\"v\":1,\"header\":\"a\",\"header\":\"b\"}"));
        assertTrue(refused.getMessage().contains("twice"), refused.getMessage());
    }

    @Test
    void a_second_value_after_the_first_is_refused() {
        assertThrows(JsonbException.class, () -> WellFormedJson.require("{} {}"));
        assertThrows(JsonbException.class, () -> WellFormedJson.require("{} x"));
        assertDoesNotThrow(() -> WellFormedJson.require(" {} \n"));
    }

    @Test
    void a_number_whose_exponent_would_take_forever_to_bind_is_refused_at_once() {
        byte[] text = "{\"v\":1e999999999,\"header\":\"h\"}".getBytes(StandardCharsets.UTF_8);
        JsonbException refused = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(JsonbException.class, () -> SpeanJson.fromBytes(text, Wire.class)));
        assertTrue(refused.getMessage().contains("exponent"), refused.getMessage());
        assertDoesNotThrow(() -> WellFormedJson.require("[1.5e300, 2E-10, 0.25]"));
    }

    @Test
    void a_refusal_never_quotes_the_text() {
        JsonbException refused = assertThrows(JsonbException.class,
                () -> WellFormedJson.require("{\"secret-national-id-010203040\": tru"));
        assertTrue(!refused.getMessage().contains("010203040"), refused.getMessage());
    }

    @Test
    void a_text_longer_than_the_limit_is_refused_before_it_is_read() {
        byte[] huge = new byte[WellFormedJson.MAX_CHARS + 1];
        JsonbException refused = assertThrows(JsonbException.class, () -> SpeanJson.fromBytes(huge, Wire.class));
        assertTrue(refused.getMessage().contains("longer than"), refused.getMessage());
    }
}

package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JsonFieldTest {

    @Test
    void a_text_field_of_an_object_is_read() {
        assertEquals("match", JsonField.text("{\"result\":\"match\",\"n\":1}", "result"));
    }

    @Test
    void a_missing_field_one_that_is_not_text_and_text_that_is_not_an_object_read_as_null() {
        assertNull(JsonField.text("{\"result\":\"match\"}", "state"));
        assertNull(JsonField.text("{\"n\":1}", "n"));
        assertNull(JsonField.text("[\"result\"]", "result"));
        assertNull(JsonField.text("not json", "result"));
    }
}

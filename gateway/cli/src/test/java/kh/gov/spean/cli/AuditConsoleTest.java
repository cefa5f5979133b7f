package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code spean audit} prints of a log reaches the auditor's terminal as text only: a tampered log's escape
 * sequences, C1 controls and bidirectional overrides are shown escaped, never interpreted.
 */
class AuditConsoleTest {

    private static final String HOSTILE = "KH/GOV/MOI\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil\r";

    @Test
    void a_proof_of_a_log_whose_origin_holds_escape_sequences_prints_them_escaped(@TempDir Path data) throws Exception {
        Path log = Files.createDirectories(data.resolve("KH.GOV.MOI").resolve("log"));
        Files.writeString(log.resolve("origin"), HOSTILE + "\n", StandardCharsets.UTF_8);
        Files.writeString(log.resolve("entries.jsonl"), "{\"index\":0}\n{\"index\":1}\n", StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("audit", "consistency", "--log", log.toString(), "--from", "1", "--to", "2");

        assertEquals(0, run.exit(), run.errors());
        assertNoControlCharacters(run.output());
        assertTrue(run.output().contains("\\u009b31m\\u202eevil"), run.output());
    }

    @Test
    void a_refusal_that_quotes_hostile_text_prints_it_on_one_escaped_line(@TempDir Path data) throws Exception {
        Path log = Files.createDirectories(data.resolve("KH.GOV.MOI").resolve("log"));
        Files.writeString(log.resolve("origin"), "KH/GOV/MOI\n", StandardCharsets.UTF_8);
        Files.writeString(log.resolve("entries.jsonl"), "", StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("audit", "prove", "--log", log.toString(), "--envelope", HOSTILE);

        assertEquals(CodedFailureHandler.CODED_FAILURE, run.exit());
        assertNoControlCharacters(run.errors());
        assertEquals(1, run.errors().lines().count(), run.errors());
        assertTrue(run.errors().contains("\\u001b]0;owned\\u0007"), run.errors());
    }

    @Test
    void plain_text_is_printed_as_it_is() {
        String plain = "INTACT  KH/GOV/MOI: 12 entries — ស្ពាន";
        assertEquals(plain, TerminalText.line(plain));
        assertEquals("{\n  \"a\": 1\n}", TerminalText.lines("{\n  \"a\": 1\n}"));
        assertEquals("a\\u000ab", TerminalText.line("a\nb"));
    }

    private static void assertNoControlCharacters(String printed) {
        for (char c : printed.toCharArray()) {
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e');
            assertFalse(control, () -> String.format("U+%04X reached the terminal in: %s", (int) c, printed));
        }
    }
}

package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class SpeanCommandTest {

    private static final List<String> ALL = List.of("init", "demo", "gateway", "kafka", "send", "audit", "schema",
            "connector", "bench", "dlq", "federation", "member",
            "timestamp-authority", "client", "management", "dpo");

    @Test
    void a_named_sub_command_is_the_only_one_read() {
        assertEquals(Set.of("gateway"), SpeanCommand.forArguments("gateway", "--data", "d").getSubcommands().keySet());
        assertEquals(Set.of("audit"), SpeanCommand.forArguments("audit", "verify").getSubcommands().keySet());
    }

    @Test
    void help_lists_every_sub_command_in_order() {
        assertEquals(ALL, List.copyOf(SpeanCommand.forArguments().getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(SpeanCommand.forArguments("--help").getSubcommands().keySet()));
    }

    @Test
    void a_mistyped_sub_command_is_refused_with_the_near_misses() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        CommandLine commandLine = SpeanCommand.forArguments("gatway");
        commandLine.setErr(new PrintWriter(errors, true, StandardCharsets.UTF_8));

        assertEquals(CommandLine.ExitCode.USAGE, commandLine.execute("gatway"));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("Did you mean: spean gateway"), errors::toString);
    }
}

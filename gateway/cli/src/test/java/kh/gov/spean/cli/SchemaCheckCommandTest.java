package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCheckCommandTest {

    @Test
    void the_schemas_as_they_are_pass_against_themselves() {
        assertEquals(0, SpeanCommand.execute("schema", "check", "--baseline", SpeanHome.schemas().toString()));
    }

    @Test
    void a_newly_required_field_is_refused_and_named(@TempDir Path work) throws Exception {
        Path revised = work.resolve("schemas");
        try (Stream<Path> files = Files.walk(SpeanHome.schemas())) {
            for (Path file : files.toList()) {
                Path target = revised.resolve(SpeanHome.schemas().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path request = revised.resolve("moi.verifyCitizen.request/v1/schema.json");
        Files.writeString(request, Files.readString(request).replace("\"required\": [\"nationalId\", \"dateOfBirth\"]",
                "\"required\": [\"nationalId\", \"dateOfBirth\", \"purpose\"]"));

        CommandRun run = CommandRun.of("schema", "check", "--baseline", SpeanHome.schemas().toString(),
                "--schemas", revised.toString());
        String output = run.output();
        int exit = run.exit();
        assertEquals(1, exit, output);
        assertTrue(output.contains("INCOMPATIBLE  changed    moi.verifyCitizen.request/v1"), output);
        assertTrue(output.contains("$.purpose: field newly required"), output);
    }
}

package kh.gov.spean.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;

/** The demo's scenarios, kept as data in {@code seeds/demo-scenarios.json}, with the connector examples they name. */
public record DemoScenarios(List<ExchangeScenario> exchanges, List<AttackScenario> attacks) {

    /** The JSON form of the scenarios file. */
    public record File(List<ExchangeEntry> exchanges, List<AttackScenario> attacks) {
    }

    /** An exchange as the scenarios file names it. */
    public record ExchangeEntry(String name, String example) {
    }

    /**
     * An attack that must be refused with the {@code expect} code; {@code client} where the kind needs one, and
     * {@code purpose} the one a {@code purpose_not_granted} call declares.
     */
    public record AttackScenario(String name, String kind, String client, String expect, String purpose) {
    }

    /** An exchange to play: who calls what, how and with which payload, and what the answer must be. */
    public record ExchangeScenario(String name, SubsystemId client, ServiceId service, ExampleRequest request,
                                   ExpectedAnswer expect) {
    }

    public static DemoScenarios load(Path repositoryRoot) {
        Path file = repositoryRoot.resolve("seeds").resolve("demo-scenarios.json");
        File parsed = SpeanJson.fromBytes(read(file), File.class);
        List<ExchangeScenario> exchanges = parsed.exchanges().stream()
                .map(entry -> ExampleFile.read(entry.name(), repositoryRoot.resolve(entry.example())))
                .toList();
        return new DemoScenarios(exchanges, parsed.attacks());
    }

    /** One connector example file as an exchange to play, named by its file. */
    public static ExchangeScenario example(Path exampleFile) {
        String file = exampleFile.getFileName().toString();
        return ExampleFile.read(file.substring(0, file.length() - ".json".length()), exampleFile);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo scenario file " + file, e);
        }
    }
}

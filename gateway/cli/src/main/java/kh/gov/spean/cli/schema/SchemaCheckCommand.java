package kh.gov.spean.cli.schema;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.validation.SchemaRevisionCheck;

/** {@code spean schema check}: refuses incompatible changes within a major version, saying which. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare the schemas with a baseline (as last released): within a major version only compatible changes.")
public final class SchemaCheckCommand implements Callable<Integer> {

    @Option(names = "--baseline", required = true,
            description = "The schemas as last released, e.g. from: git archive origin/main schemas | tar -x -C /tmp/base")
    Path baseline;

    @Option(names = "--schemas", description = "The schemas to check (default: schemas/).")
    Path schemas;

    @Override
    public Integer call() throws Exception {
        if (!SchemaRevisionCheck.holdsSchemas(baseline)) {
            // Otherwise a mistyped path would pass every schema as new.
            throw new FileSystemException(baseline.toString(), null, "holds no schema (NAME/vN/schema.json): not a baseline");
        }
        Path current = schemas != null ? schemas : SpeanHome.schemas();
        if (!SchemaRevisionCheck.holdsSchemas(current)) {
            // Otherwise a mistyped path would report every released schema as removed.
            throw new FileSystemException(current.toString(), null, "holds no schema (NAME/vN/schema.json): nothing to check");
        }
        List<SchemaRevisionCheck.Finding> findings = SchemaRevisionCheck.check(baseline, current);
        boolean acceptable = true;
        for (SchemaRevisionCheck.Finding finding : findings) {
            System.out.printf("%-13s %-10s %s%n", finding.acceptable() ? "OK" : "INCOMPATIBLE", finding.status(), finding.schema());
            finding.problems().forEach(problem -> System.out.println("              - " + problem));
            acceptable &= finding.acceptable();
        }
        if (!acceptable) {
            System.out.println("Incompatible changes need a new major version: a new vN folder beside the old one.");
        }
        return acceptable ? 0 : 1;
    }
}

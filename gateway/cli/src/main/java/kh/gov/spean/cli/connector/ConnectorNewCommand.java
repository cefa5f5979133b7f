package kh.gov.spean.cli.connector;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;

/**
 * {@code spean connector new --member KH/GOV/MOH --subsystem HEALTH-REGISTRY --service getVaccinationRecord}: scaffolds
 * a ministry's connector, its schemas and its seed entries, which work at once; with {@code --openapi FILE}, from an
 * OpenAPI 3.0 or 3.1 description: the whole API as one service, a mapping and an example per response example, and the
 * service's OpenAPI 3.1 description under {@code schemas/}, named in its seed entry.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Scaffold a new ministry's connector, schemas, seed entries and WireMock backend.")
public final class ConnectorNewCommand implements Callable<Integer> {

    @Option(names = "--member", required = true, description = "The member, INSTANCE/CLASS/MEMBER, e.g. KH/GOV/MOH.")
    String member;

    @Option(names = "--subsystem", required = true, description = "The subsystem code, e.g. HEALTH-REGISTRY.")
    String subsystem;

    @Option(names = "--service", description = "The service code, e.g. getVaccinationRecord (with --openapi, default:"
            + " the API's title in lower camel case).")
    String service;

    @Option(names = "--openapi", paramLabel = "FILE", description = "An OpenAPI 3.0 or 3.1 description (YAML or JSON):"
            + " scaffold the connector, mock and examples of every operation it describes.")
    Path openApi;

    @Option(names = "--client", description = "The subsystem given the access right (default: the new subsystem itself).")
    String client;

    @Option(names = "--name", description = "The member's name in English, for a new member.")
    String name;

    @Option(names = "--name-km", description = "The member's name in Khmer, for a new member.")
    String nameKm;

    @Option(names = "--repository", description = "The folder with seeds/, schemas/ and connectors/ (default: this repository).")
    Path repository;

    @Override
    public Integer call() {
        OpenApiDescription description = openApi == null ? null : OpenApiDescription.read(openApi);
        if (service == null && description == null) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "give --service, or --openapi FILE to name it after the API");
        }
        ServiceId serviceId;
        SubsystemId clientId;
        try {
            serviceId = new ServiceId(new SubsystemId(MemberId.parse(member), subsystem),
                    service != null ? service : description.serviceCode());
            clientId = client == null ? null : SubsystemId.parse(client);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, e.getMessage());
        }
        Path root = repository != null ? repository : SpeanHome.root();
        ConnectorScaffold scaffold = new ConnectorScaffold(root);
        OpenApiScaffold fromDescription = description == null ? null : new OpenApiScaffold(description);
        ConnectorScaffold.Result result = fromDescription == null ? scaffold.create(serviceId, clientId, name, nameKm)
                : scaffold.create(serviceId, clientId, name, nameKm, fromDescription);
        if (description != null) {
            System.out.println("Read " + openApi + " (OpenAPI " + description.api().getOpenapi() + ", "
                    + description.operations().size() + " operation(s)); clients call " + serviceId + "/PATH with the"
                    + " operation's method");
            description.warnings().forEach(warning -> System.out.println("  the description: " + warning));
            fromDescription.skipped().forEach(skipped -> System.out.println("  left out: " + skipped));
        }
        System.out.println("Scaffolded " + serviceId + ":");
        result.files().forEach(file -> System.out.println("  " + root.relativize(file)));
        System.out.println();
        System.out.println("Next: ./spean init --data data   (issues keys and certificates for " + serviceId.member() + ")");
        System.out.println("      ./spean connector test " + root.relativize(result.connector()));
        return 0;
    }
}

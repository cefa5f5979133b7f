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
 * a ministry's connector, its schemas and its seed entries, which work at once.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Scaffold a new ministry's connector, schemas, seed entries and WireMock backend.")
public final class ConnectorNewCommand implements Callable<Integer> {

    @Option(names = "--member", required = true, description = "The member, INSTANCE/CLASS/MEMBER, e.g. KH/GOV/MOH.")
    String member;

    @Option(names = "--subsystem", required = true, description = "The subsystem code, e.g. HEALTH-REGISTRY.")
    String subsystem;

    @Option(names = "--service", required = true, description = "The service code, e.g. getVaccinationRecord.")
    String service;

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
        ServiceId serviceId;
        SubsystemId clientId;
        try {
            serviceId = new ServiceId(new SubsystemId(MemberId.parse(member), subsystem), service);
            clientId = client == null ? null : SubsystemId.parse(client);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, e.getMessage());
        }
        Path root = repository != null ? repository : SpeanHome.root();
        ConnectorScaffold.Result result = new ConnectorScaffold(root).create(serviceId, clientId, name, nameKm);
        System.out.println("Scaffolded " + serviceId + ":");
        result.files().forEach(file -> System.out.println("  " + root.relativize(file)));
        System.out.println();
        System.out.println("Next: ./spean init --data data   (issues keys and certificates for " + serviceId.member() + ")");
        System.out.println("      ./spean connector test " + root.relativize(result.connector()));
        return 0;
    }
}

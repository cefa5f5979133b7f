package kh.gov.spean.node.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.json.bind.annotation.JsonbProperty;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;

/**
 * The connectors of one member, read from {@code connectors/*}/connector.json}: which routes serve which services,
 * and where each connector's backend is.
 */
public final class ConnectorCatalog {

    /** One connector folder as its descriptor declares it. */
    public record Connector(String name, Path folder, SubsystemId subsystem, Map<ServiceId, String> routes,
                            String backendProperty, String defaultBackendUrl) {

        public Path routesFile() {
            return folder.resolve("routes.camel.yaml");
        }
    }

    /** The descriptor's JSON form. */
    public record Descriptor(String subsystem, String description, List<Provided> provides, List<String> calls,
                             Backend backend) {
    }

    /** A service the connector provides, and the route that serves it. */
    public record Provided(String service, String route, String requestSchema, String responseSchema) {
    }

    /** The Camel property holding the backend's base URL, and its default. */
    public record Backend(String property, @JsonbProperty("default") String defaultUrl) {
    }

    private final List<Connector> connectors;
    private final Map<ServiceId, String> routes = new HashMap<>();

    private ConnectorCatalog(List<Connector> connectors) {
        this.connectors = List.copyOf(connectors);
        connectors.forEach(connector -> routes.putAll(connector.routes()));
    }

    /** Loads the connectors whose subsystem belongs to {@code member}. */
    public static ConnectorCatalog load(Path connectorsRoot, MemberId member) {
        List<Connector> found = new ArrayList<>();
        try (Stream<Path> folders = Files.list(connectorsRoot)) {
            for (Path folder : folders.sorted().toList()) {
                Path descriptorFile = folder.resolve("connector.json");
                if (!Files.isRegularFile(descriptorFile)) {
                    continue;
                }
                Connector connector = read(folder, descriptorFile);
                if (connector.subsystem().member().equals(member)) {
                    found.add(connector);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list connectors in " + connectorsRoot, e);
        }
        return new ConnectorCatalog(found);
    }

    public List<Connector> connectors() {
        return connectors;
    }

    /** The {@code direct:} route that serves a service, if a connector of this member provides it. */
    public Optional<String> routeFor(ServiceId service) {
        return Optional.ofNullable(routes.get(service));
    }

    private static Connector read(Path folder, Path descriptorFile) {
        try {
            Descriptor descriptor = SpeanJson.fromBytes(Files.readAllBytes(descriptorFile), Descriptor.class);
            SubsystemId subsystem = SubsystemId.parse(descriptor.subsystem());
            Map<ServiceId, String> routes = new HashMap<>();
            if (descriptor.provides() != null) {
                for (Provided provided : descriptor.provides()) {
                    routes.put(new ServiceId(subsystem, provided.service()), provided.route());
                }
            }
            Backend backend = descriptor.backend();
            return new Connector(folder.getFileName().toString(), folder, subsystem, routes,
                    backend == null ? null : backend.property(), backend == null ? null : backend.defaultUrl());
        } catch (IOException | RuntimeException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "invalid connector descriptor " + descriptorFile
                    + ": " + e.getMessage());
        }
    }
}

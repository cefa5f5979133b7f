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
                            Map<ServiceId, String> subscriptions, String backendProperty, String defaultBackendUrl) {

        public Path routesFile() {
            return folder.resolve("routes.camel.yaml");
        }
    }

    /** The descriptor's JSON form. */
    public record Descriptor(String subsystem, String description, List<Provided> provides,
                             List<Subscription> subscribes, List<String> calls, Backend backend) {
    }

    /**
     * A service the connector provides, and the route that serves it; an event it publishes has no route (its
     * system publishes through the node's REST ingress).
     */
    public record Provided(String service, String pattern, String route, String requestSchema, String responseSchema) {
    }

    /** An event the connector's subsystem subscribes to, and the route that hands each copy to its backend. */
    public record Subscription(String event, String route) {
    }

    private record Subscriber(SubsystemId subscriber, ServiceId event) {
    }

    /** The Camel property holding the backend's base URL, and its default. */
    public record Backend(String property, @JsonbProperty("default") String defaultUrl) {
    }

    private final List<Connector> connectors;
    private final Map<ServiceId, String> routes = new HashMap<>();
    private final Map<Subscriber, String> subscriptions = new HashMap<>();

    private ConnectorCatalog(List<Connector> connectors) {
        this.connectors = List.copyOf(connectors);
        for (Connector connector : connectors) {
            routes.putAll(connector.routes());
            connector.subscriptions().forEach((event, route) ->
                    subscriptions.put(new Subscriber(connector.subsystem(), event), route));
        }
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

    /**
     * The {@code direct:} route that serves a service: a connector's of this member, or the node's own for the
     * data-protection office's {@code subjectAccesses} (decision 0060).
     */
    public Optional<String> routeFor(ServiceId service) {
        String route = routes.get(service);
        if (route == null && AnswerSubjectAccesses.isBuiltIn(service)) {
            return Optional.of(AnswerSubjectAccesses.ROUTE);
        }
        return Optional.ofNullable(route);
    }

    /** The {@code direct:} route that takes a subscriber subsystem's copies of an event, if it subscribes. */
    public Optional<String> subscriptionRoute(SubsystemId subscriber, ServiceId event) {
        return Optional.ofNullable(subscriptions.get(new Subscriber(subscriber, event)));
    }

    private static Connector read(Path folder, Path descriptorFile) {
        try {
            Descriptor descriptor = SpeanJson.fromBytes(Files.readAllBytes(descriptorFile), Descriptor.class);
            SubsystemId subsystem = SubsystemId.parse(descriptor.subsystem());
            Map<ServiceId, String> routes = new HashMap<>();
            if (descriptor.provides() != null) {
                for (Provided provided : descriptor.provides()) {
                    if (provided.route() != null) {
                        routes.put(ServiceId.within(subsystem, provided.service()), provided.route());
                    }
                }
            }
            Map<ServiceId, String> subscriptions = new HashMap<>();
            if (descriptor.subscribes() != null) {
                for (Subscription subscription : descriptor.subscribes()) {
                    subscriptions.put(ServiceId.parse(subscription.event()), subscription.route());
                }
            }
            Backend backend = descriptor.backend();
            return new Connector(folder.getFileName().toString(), folder, subsystem, routes, subscriptions,
                    backend == null ? null : backend.property(), backend == null ? null : backend.defaultUrl());
        } catch (IOException | RuntimeException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "invalid connector descriptor " + descriptorFile
                    + ": " + e.getMessage());
        }
    }
}

package kh.gov.spean.node.openapi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.models.OpenAPI;

import kh.gov.spean.federation.Federation;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * The services' OpenAPI descriptions at a node, each read and its validator built once, by description id: all those
 * the federation names when the node starts (a bad one stops it), any a later configuration names when first used.
 * A service of a configuration written before descriptions existed has none, and gets the payload checks alone.
 * Each description also tells where its requests name their data subject ({@link DataSubjectMarks}); only a service
 * the federation marks as personal data may mark one.
 */
public final class ServiceDescriptions {

    private record Described(ServiceDescription description, OperationValidator validator, DataSubjectMarks subjects) {
    }

    private final SchemaCatalog catalog;
    private final Map<SchemaId, Described> described = new ConcurrentHashMap<>();

    public ServiceDescriptions(Federation federation, SchemaCatalog catalog) {
        this.catalog = catalog;
        federation.services().forEach(this::described);
    }

    /** The service's kept description, if it has one. */
    public Optional<ServiceDescription> description(Federation.Service service) {
        return described(service).map(Described::description);
    }

    /** The validator of the service's operations, if it has a description. */
    public Optional<OperationValidator> validator(Federation.Service service) {
        return described(service).map(Described::validator);
    }

    /** Where the service's requests name their data subject, if its description marks it. */
    public Optional<DataSubjectMarks> dataSubjects(Federation.Service service) {
        return described(service).map(Described::subjects).filter(DataSubjectMarks::any);
    }

    private Optional<Described> described(Federation.Service service) {
        if (service.openApi() == null) {
            return Optional.empty();
        }
        return Optional.of(described.computeIfAbsent(service.openApi(), id -> {
            ServiceDescription description = ServiceDescription.of(service, catalog);
            OpenAPI operations = description.operations();
            return new Described(description, new OperationValidator(operations),
                    DataSubjectMarks.of(service.id(), operations).onlyIfPersonalData(service));
        }));
    }
}

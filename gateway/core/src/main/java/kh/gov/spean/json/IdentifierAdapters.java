package kh.gov.spean.json;

import jakarta.json.bind.adapter.JsonbAdapter;

import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.id.EnvelopeId;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.ServiceId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.validation.SchemaId;

/** JSON-B adapters writing Spean's value types as their text form and validating them when read back. */
final class IdentifierAdapters {

    private IdentifierAdapters() {
    }

    static JsonbAdapter<?, ?>[] all() {
        return new JsonbAdapter<?, ?>[] {
            new MemberIdAdapter(), new SubsystemIdAdapter(), new ServiceIdAdapter(), new EnvelopeIdAdapter(),
            new SchemaIdAdapter(), new EnvelopeTypeAdapter()
        };
    }

    static final class MemberIdAdapter implements JsonbAdapter<MemberId, String> {
        @Override
        public String adaptToJson(MemberId id) {
            return id.toString();
        }

        @Override
        public MemberId adaptFromJson(String text) {
            return MemberId.parse(text);
        }
    }

    static final class SubsystemIdAdapter implements JsonbAdapter<SubsystemId, String> {
        @Override
        public String adaptToJson(SubsystemId id) {
            return id.toString();
        }

        @Override
        public SubsystemId adaptFromJson(String text) {
            return SubsystemId.parse(text);
        }
    }

    static final class ServiceIdAdapter implements JsonbAdapter<ServiceId, String> {
        @Override
        public String adaptToJson(ServiceId id) {
            return id.toString();
        }

        @Override
        public ServiceId adaptFromJson(String text) {
            return ServiceId.parse(text);
        }
    }

    static final class EnvelopeIdAdapter implements JsonbAdapter<EnvelopeId, String> {
        @Override
        public String adaptToJson(EnvelopeId id) {
            return id.toString();
        }

        @Override
        public EnvelopeId adaptFromJson(String text) {
            return EnvelopeId.parse(text);
        }
    }

    static final class SchemaIdAdapter implements JsonbAdapter<SchemaId, String> {
        @Override
        public String adaptToJson(SchemaId id) {
            return id.toString();
        }

        @Override
        public SchemaId adaptFromJson(String text) {
            return SchemaId.parse(text);
        }
    }

    static final class EnvelopeTypeAdapter implements JsonbAdapter<EnvelopeType, String> {
        @Override
        public String adaptToJson(EnvelopeType type) {
            return type.wireName();
        }

        @Override
        public EnvelopeType adaptFromJson(String text) {
            return EnvelopeType.fromWireName(text);
        }
    }
}

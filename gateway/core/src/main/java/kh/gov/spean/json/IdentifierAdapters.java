package kh.gov.spean.json;

import java.util.function.Function;

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

    /**
     * Each adapter is an anonymous subclass so that its type argument survives erasure: JSON-B reads it to know which
     * type the adapter serves.
     */
    static JsonbAdapter<?, ?>[] all() {
        return new JsonbAdapter<?, ?>[] {
            new TextAdapter<MemberId>(MemberId::toString, MemberId::parse) { },
            new TextAdapter<SubsystemId>(SubsystemId::toString, SubsystemId::parse) { },
            new TextAdapter<ServiceId>(ServiceId::toString, ServiceId::parse) { },
            new TextAdapter<EnvelopeId>(EnvelopeId::toString, EnvelopeId::parse) { },
            new TextAdapter<SchemaId>(SchemaId::toString, SchemaId::parse) { },
            new TextAdapter<EnvelopeType>(EnvelopeType::wireName, EnvelopeType::fromWireName) { }
        };
    }

    /** Writes a value as text and parses it back, the parser refusing anything invalid. */
    abstract static class TextAdapter<T> implements JsonbAdapter<T, String> {

        private final Function<T, String> writer;
        private final Function<String, T> parser;

        TextAdapter(Function<T, String> writer, Function<String, T> parser) {
            this.writer = writer;
            this.parser = parser;
        }

        @Override
        public String adaptToJson(T value) {
            return writer.apply(value);
        }

        @Override
        public T adaptFromJson(String text) {
            return parser.apply(text);
        }
    }
}

package kh.gov.spean.cli.dlq;

import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.kafka.KafkaSettings;

/** Whose dead letters, on which Kafka. */
final class DlqOptions {

    @Option(names = "--member", required = true, description = "The member, e.g. KH/GOV/MOI.")
    String member;

    @Option(names = "--kafka-bootstrap", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, a node's embedded broker).")
    String kafkaBootstrap;

    MemberId memberId() {
        try {
            return MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'member' " + e.getMessage());
        }
    }

    KafkaSettings kafka() {
        return KafkaSettings.defaults(kafkaBootstrap, KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
    }
}

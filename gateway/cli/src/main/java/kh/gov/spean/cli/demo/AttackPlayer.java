package kh.gov.spean.cli.demo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import kh.gov.spean.crypto.CertificateAuthority;
import kh.gov.spean.crypto.DevelopmentPki;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.envelope.Envelope;
import kh.gov.spean.envelope.EnvelopeCodec;
import kh.gov.spean.envelope.EnvelopeDraft;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.EnvelopeType;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.NodeEvents;
import kh.gov.spean.node.edge.TlsCredential;
import kh.gov.spean.node.http.XRoadHeaders;
import kh.gov.spean.node.kafka.KafkaSettings;
import kh.gov.spean.node.kafka.Topics;

/**
 * Plays the attacks the gateway must refuse: at the HTTP edge as a rogue caller, and straight into Kafka as someone
 * with write access to the topics (who, by the trust model, still must not get anything past a node).
 */
final class AttackPlayer {

    private static final Duration REFUSAL_DEADLINE = Duration.ofSeconds(15);

    private final DemoNetwork network;
    private final Federation federation;
    private final java.nio.file.Path data;
    private final ExchangePlayer http;
    private final RejectionWatch watch;
    private final DemoScenarios.ExchangeScenario legitimate;
    private final KafkaSettings kafka;
    private Envelope captured;

    AttackPlayer(DemoNetwork network, Federation federation, java.nio.file.Path data, ExchangePlayer http,
                 DemoScenarios.ExchangeScenario legitimate) {
        this.network = network;
        this.federation = federation;
        this.data = data;
        this.http = http;
        this.legitimate = legitimate;
        this.watch = new RejectionWatch(network.nodes().values());
        this.kafka = network.administrator();
    }

    Outcome play(DemoScenarios.AttackScenario attack) {
        ErrorCode expected = ErrorCode.fromCode(attack.expect());
        int backendBefore = network.backendRequests();
        Outcome outcome = switch (attack.kind()) {
            case "unauthorised_client" -> atHttpEdge(attack, SubsystemId.parse(attack.client()), legitimate.request(), expected);
            case "schema_violation" -> atHttpEdge(attack, legitimate.client(), withBody(legitimate.request(),
                    "{\"nationalId\":\"not-a-number\",\"dateOfBirth\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)), expected);
            case "no_purpose" -> atHttpEdge(attack, legitimate.client(), withPurpose(legitimate.request(), null), expected);
            case "purpose_not_granted" -> atHttpEdge(attack, legitimate.client(),
                    withPurpose(legitimate.request(), attack.purpose()), expected);
            case "no_client_certificate" -> presenting(attack, null, legitimate.client(), expected);
            case "another_subsystems_certificate" -> presenting(attack, network.credential(SubsystemId.parse(attack.client())),
                    legitimate.client(), expected);
            case "altered_ciphertext" -> intoKafka(attack, altered(capturedRequest()), expected);
            case "replay" -> intoKafka(attack, capturedRequest(), expected);
            case "foreign_signer" -> intoKafka(attack, signedOutsideTheFederation(), expected);
            case "bypassed_client_node" -> intoKafka(attack, signedByMemberFor(SubsystemId.parse(attack.client())), expected);
            default -> throw new IllegalArgumentException("unknown attack kind '" + attack.kind() + "'");
        };
        int reachedBackend = network.backendRequests() - backendBefore;
        if (reachedBackend == 0) {
            return outcome;
        }
        return new Outcome(outcome.name(), outcome.who(), outcome.result(), outcome.millis(), false,
                reachedBackend + " request(s) reached a backend");
    }

    private Outcome atHttpEdge(DemoScenarios.AttackScenario attack, SubsystemId client, ExampleRequest call,
                               ErrorCode expected) {
        ExchangePlayer.Answer answer = http.call(network.node(client.member()), client, legitimate.service(), call);
        boolean held = expected.code().equals(answer.error()) && answer.status() == expected.httpStatus();
        String declared = call.headers().get(XRoadHeaders.PURPOSE);
        return new Outcome(attack.name(), client + " -> " + legitimate.service()
                + (declared == null ? ", no purpose" : ", purpose " + declared),
                "refused " + answer.status() + " " + answer.error(), answer.millis(), held, "backend untouched");
    }

    private static ExampleRequest withBody(ExampleRequest call, byte[] body) {
        return new ExampleRequest(call.method(), call.path(), call.query(), call.headers(), call.contentType(), body);
    }

    /** The call with {@code purpose} declared in place of its own, or with none when null. */
    private static ExampleRequest withPurpose(ExampleRequest call, String purpose) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        headers.remove(XRoadHeaders.PURPOSE);
        if (purpose != null) {
            headers.put(XRoadHeaders.PURPOSE, purpose);
        }
        return new ExampleRequest(call.method(), call.path(), call.query(), Map.copyOf(headers), call.contentType(),
                call.body());
    }

    /** A call naming {@code claimed} while presenting {@code presented} (none if null): an impostor at the edge. */
    private Outcome presenting(DemoScenarios.AttackScenario attack, TlsCredential presented, SubsystemId claimed,
                               ErrorCode expected) {
        ExchangePlayer.Answer answer = http.call(network.node(claimed.member()), presented, claimed, legitimate.service(),
                legitimate.request());
        boolean held = expected.code().equals(answer.error()) && answer.status() == expected.httpStatus();
        String who = (presented == null ? "no certificate" : attack.client() + "'s certificate") + ", claiming " + claimed
                + " -> " + legitimate.service();
        return new Outcome(attack.name(), who, "refused " + answer.status() + " " + answer.error(), answer.millis(), held,
                "backend untouched");
    }

    private Outcome intoKafka(DemoScenarios.AttackScenario attack, Envelope envelope, ErrorCode expected) {
        MemberId target = envelope.header().recipient();
        var refusal = watch.expectRefusal(envelope.header().id());
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties())) {
            producer.send(new ProducerRecord<>(Topics.inbox(target),
                    envelope.header().id().toString().getBytes(StandardCharsets.UTF_8), EnvelopeCodec.encode(envelope))).get();
            NodeEvents.Rejection rejection = refusal.get(REFUSAL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            boolean held = rejection.code() == expected && rejection.node().equals(target);
            return new Outcome(attack.name(), "Kafka writer -> " + Topics.inbox(target),
                    "refused by " + rejection.node() + ": " + rejection.code(), millis, held, "backend untouched");
        } catch (TimeoutException e) {
            return new Outcome(attack.name(), "Kafka writer -> " + Topics.inbox(target), "no refusal within "
                    + REFUSAL_DEADLINE.toSeconds() + " s", REFUSAL_DEADLINE.toMillis(), false, "");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to Kafka: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A genuine request envelope, read off the provider's inbox topic as anyone with read access could. */
    private Envelope capturedRequest() {
        if (captured != null) {
            return captured;
        }
        MemberId provider = legitimate.service().member();
        Properties properties = kafka.consumerProperties("spean-demo-eavesdropper");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.inbox(provider)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + REFUSAL_DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Envelope envelope = EnvelopeCodec.decode(record.value());
                    if (envelope.header().type() == EnvelopeType.REQUEST) {
                        captured = envelope;
                        return captured;
                    }
                }
            }
        }
        throw new IllegalStateException("no request envelope found on " + Topics.inbox(provider));
    }

    private static Envelope altered(Envelope genuine) {
        byte[] ciphertext = genuine.ciphertext().clone();
        ciphertext[ciphertext.length / 2] ^= 0x01;
        return new Envelope(genuine.headerBytes(), genuine.header(), genuine.signature(), ciphertext);
    }

    /** An envelope claiming to come from the legitimate client's member, signed by a key from a CA of its own. */
    private Envelope signedOutsideTheFederation() {
        MemberId impersonated = legitimate.client().member();
        CertificateAuthority rogueCa = DevelopmentPki.newRootCa("Rogue CA", Duration.ofDays(1));
        KeyPair signing = DevelopmentPki.newKeyPair();
        KeyPair encryption = DevelopmentPki.newKeyPair();
        MemberKeys forged = new MemberKeys(impersonated, signing.getPrivate(),
                rogueCa.issueSigningCertificate(impersonated + " signing", signing.getPublic(), Duration.ofDays(1)),
                encryption.getPrivate(),
                rogueCa.issueEncryptionCertificate(impersonated + " encryption", encryption.getPublic(), Duration.ofDays(1)));
        return sealRequest(forged, legitimate.client());
    }

    /** A request sealed with a real member's keys for a subsystem without the right, skipping the member's own node. */
    private Envelope signedByMemberFor(SubsystemId client) {
        return sealRequest(MemberFiles.in(data, client.member()).loadKeys(), client);
    }

    private Envelope sealRequest(MemberKeys keys, SubsystemId client) {
        Federation.Service service = federation.service(legitimate.service()).orElseThrow();
        Federation.Member provider = federation.member(service.id().member()).orElseThrow();
        EnvelopeSealer sealer = new EnvelopeSealer(keys, Clock.systemUTC(), Duration.ofMinutes(5));
        return sealer.seal(EnvelopeDraft.request(client, service.id(), service.requestSchema(),
                        federation.schemaDigest(service.requestSchema()).orElseThrow()),
                legitimate.request().body(), provider.encryptionCertificate()).envelope();
    }
}

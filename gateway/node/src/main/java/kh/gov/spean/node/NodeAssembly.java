package kh.gov.spean.node;

import java.security.cert.X509Certificate;
import java.time.Clock;

import org.apache.camel.CamelContext;

import kh.gov.spean.crypto.DecryptionKeys;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.crypto.PayloadOpener;
import kh.gov.spean.envelope.EnvelopeOpener;
import kh.gov.spean.envelope.EnvelopeSealer;
import kh.gov.spean.envelope.EnvelopeVerifier;
import kh.gov.spean.envelope.ReplayGuard;
import kh.gov.spean.envelope.TimeWindow;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.log.MessageLog;
import kh.gov.spean.node.log.LogReceivedEnvelope;
import kh.gov.spean.node.log.LogSentEnvelope;
import kh.gov.spean.node.log.RecordRejection;
import kh.gov.spean.node.exchange.AwaitProviderAnswer;
import kh.gov.spean.node.exchange.BindToPendingRequest;
import kh.gov.spean.node.exchange.CompletePendingRequest;
import kh.gov.spean.node.exchange.PendingExchanges;
import kh.gov.spean.node.exchange.RegisterPendingExchange;
import kh.gov.spean.node.exchange.SealRequest;
import kh.gov.spean.node.http.CheckClientAccessRight;
import kh.gov.spean.node.http.CheckClientIsLocal;
import kh.gov.spean.node.http.CheckOwnCertificate;
import kh.gov.spean.node.http.CheckRateLimit;
import kh.gov.spean.node.http.ReadServiceCall;
import kh.gov.spean.node.http.ValidateRequestPayload;
import kh.gov.spean.node.http.WriteProblemResponse;
import kh.gov.spean.node.http.WriteServiceResponse;
import kh.gov.spean.node.inbox.AnswerForAnotherNode;
import kh.gov.spean.node.inbox.CheckRecipient;
import kh.gov.spean.node.inbox.CheckTimeWindow;
import kh.gov.spean.node.inbox.DecodeEnvelope;
import kh.gov.spean.node.inbox.HandleInboxRejection;
import kh.gov.spean.node.inbox.OpenPayload;
import kh.gov.spean.node.inbox.RejectReplay;
import kh.gov.spean.node.inbox.ValidateIncomingPayload;
import kh.gov.spean.node.inbox.VerifySignature;
import kh.gov.spean.node.provider.CheckBackendAnswer;
import kh.gov.spean.node.provider.CheckProviderAccessRight;
import kh.gov.spean.node.provider.AnswerSubjectAccesses;
import kh.gov.spean.node.provider.ConnectorCatalog;
import kh.gov.spean.node.provider.PrepareBackendCall;
import kh.gov.spean.node.provider.SealResponse;
import kh.gov.spean.node.provider.ValidateResponsePayload;
import kh.gov.spean.node.deadletter.DeadLetterOffice;
import kh.gov.spean.node.delivery.ClaimDelivery;
import kh.gov.spean.node.delivery.DeliveredEnvelopes;
import kh.gov.spean.node.event.CheckSubscription;
import kh.gov.spean.node.metadata.AnswerMetaService;
import kh.gov.spean.node.metadata.ServiceMetadata;
import kh.gov.spean.node.event.PublishEventCopies;
import kh.gov.spean.node.event.SealEventCopies;
import kh.gov.spean.node.event.WriteEventPublished;
import kh.gov.spean.node.kafka.RecordPublisher;
import kh.gov.spean.node.oneway.AcceptOneWayMessage;
import kh.gov.spean.node.oneway.BindToOneWayMessage;
import kh.gov.spean.node.oneway.CheckAlreadyReceipted;
import kh.gov.spean.node.oneway.CompleteOneWayMessage;
import kh.gov.spean.node.oneway.NoteHandedOver;
import kh.gov.spean.node.oneway.OneWayDispatcher;
import kh.gov.spean.node.oneway.OutgoingMessages;
import kh.gov.spean.node.oneway.ReadMessageState;
import kh.gov.spean.node.oneway.ReceiptedMessages;
import kh.gov.spean.node.oneway.RememberReceipt;
import kh.gov.spean.node.oneway.SealReceipt;
import kh.gov.spean.node.oneway.WriteMessageAccepted;
import kh.gov.spean.node.openapi.ServiceDescriptions;
import kh.gov.spean.node.privacy.NodeAnomalies;
import kh.gov.spean.node.privacy.SubjectTagger;
import kh.gov.spean.node.privacy.WatchAccessAnomalies;
import kh.gov.spean.node.privacy.TagDataSubject;
import kh.gov.spean.node.openapi.ValidateOperation;
import kh.gov.spean.node.operations.NodeMetrics;
import kh.gov.spean.node.operations.OperationalMonitoring;
import kh.gov.spean.node.operations.RecordExchange;
import kh.gov.spean.node.provider.CheckBackendAccepted;
import kh.gov.spean.node.routes.ClientExchangeRoute;
import kh.gov.spean.node.routes.MessageStatusRoute;
import kh.gov.spean.node.routes.MetadataRoute;
import kh.gov.spean.node.routes.OneWayAnswerRoute;
import kh.gov.spean.node.routes.SubscriberRoute;
import kh.gov.spean.node.routes.ErrorPolicies;
import kh.gov.spean.node.routes.FixedPaths;
import kh.gov.spean.node.routes.InboxRoute;
import kh.gov.spean.node.routes.NodeEndpoints;
import kh.gov.spean.node.routes.ProvideRoute;
import kh.gov.spean.node.routes.SubjectAccessRoute;
import kh.gov.spean.validation.PayloadValidator;
import kh.gov.spean.validation.SchemaCatalog;

/** Builds a node's routes from its parts: each step class, in the order the design gives, wired once. */
final class NodeAssembly {

    private NodeAssembly() {
    }

    /** What the routes' steps are made from. */
    record Parts(NodeSettings settings, Federation federation, X509Certificate trustAnchor, MemberKeys keys,
                 DecryptionKeys decryptionKeys, SchemaCatalog schemas, ConnectorCatalog connectors, NodeEvents events, PendingExchanges pending,
                 ReplayGuard replayGuard, OutgoingMessages outgoing, OneWayDispatcher dispatcher,
                 ReceiptedMessages receipted, DeadLetterOffice deadLetters, NodeMetrics metrics,
                 OperationalMonitoring monitoring, RecordPublisher publisher, MessageLog log,
                 DeliveredEnvelopes delivered, NodeAnomalies anomalies, Clock clock) {
    }

    static void addRoutes(CamelContext camel, NodeEndpoints endpoints, Parts parts) throws Exception {
        NodeSettings settings = parts.settings();
        Federation federation = parts.federation();
        MemberId member = settings.member();
        // A request lives as long as its caller waits, so a provider back from an outage does not serve requests
        // nobody waits for any more; one-way messages and event copies live as long as they are retried or missed.
        EnvelopeSealer requestSealer = new EnvelopeSealer(parts.keys(), parts.clock(), settings.requestTimeout());
        EnvelopeSealer sealer = new EnvelopeSealer(parts.keys(), parts.clock(), settings.envelopeTimeToLive());
        EnvelopeSealer oneWaySealer = new EnvelopeSealer(parts.keys(), parts.clock(), settings.oneWayTimeToLive());
        PayloadValidator validator = parts.schemas().validator();
        ServiceDescriptions descriptions = new ServiceDescriptions(federation, parts.schemas());
        OpenPayload openPayload = new OpenPayload(new EnvelopeOpener(new PayloadOpener(parts.decryptionKeys())),
                settings.maxMessageBytes());
        TimeWindow window = new TimeWindow(settings.clockSkew(), settings.maximumTimeToLive());
        int maxEnvelopeBytes = settings.maxMessageBytes() * 2 + GatewayNode.ENVELOPE_OVERHEAD_BYTES;
        LogSentEnvelope logSent = new LogSentEnvelope(parts.log(), member, parts.keys().signingCertificate());
        RecordRejection recordRejection = new RecordRejection(parts.log(), member);
        BindToOneWayMessage bindToOneWayMessage = new BindToOneWayMessage(parts.outgoing());
        RecordExchange recordExchange = new RecordExchange(parts.metrics(), parts.monitoring());

        camel.addRoutes(new ErrorPolicies(new WriteProblemResponse(parts.events(), recordRejection),
                new HandleInboxRejection(federation, sealer, parts.events(), recordRejection, parts.deadLetters()), logSent, endpoints, recordExchange));
        // The fixed paths first: their routes must be on the edge's router before the ingress, which takes all of /r1.
        camel.addRoutes(new FixedPaths());
        camel.addRoutes(new MessageStatusRoute(new ReadMessageState(parts.outgoing())));
        camel.addRoutes(new MetadataRoute(new AnswerMetaService(new ServiceMetadata(federation, descriptions))));
        camel.addRoutes(new ClientExchangeRoute(endpoints, new ClientExchangeRoute.Steps(
                new ReadServiceCall(federation, settings.maxMessageBytes()),
                new CheckClientIsLocal(member),
                new CheckOwnCertificate(federation, parts.keys().signingCertificate()),
                new CheckRateLimit(settings.rateLimitPerSecond()),
                new CheckClientAccessRight(federation),
                ValidateOperation.clientRequests(descriptions),
                new ValidateRequestPayload(validator),
                new SealRequest(federation, requestSealer, settings.nodeName()),
                logSent,
                new RegisterPendingExchange(parts.pending()),
                new AwaitProviderAnswer(),
                new WriteServiceResponse(),
                new SealRequest(federation, oneWaySealer, settings.nodeName()),
                new AcceptOneWayMessage(parts.outgoing(), parts.dispatcher(), parts.clock()),
                new WriteMessageAccepted(),
                new SealEventCopies(federation, oneWaySealer),
                new PublishEventCopies(parts.log(), member, parts.keys().signingCertificate(), parts.publisher()),
                new WriteEventPublished(),
                recordExchange)));
        camel.addRoutes(new InboxRoute(endpoints, new InboxRoute.Steps(
                new DecodeEnvelope(maxEnvelopeBytes),
                new VerifySignature(new EnvelopeVerifier(federation, parts.trustAnchor()), parts.clock()),
                new CheckRecipient(member),
                new CheckTimeWindow(window, parts.clock()),
                new RejectReplay(parts.replayGuard(), federation, parts.deadLetters(), parts.clock()),
                new BindToPendingRequest(parts.pending()),
                openPayload,
                ValidateIncomingPayload.responses(federation, validator),
                LogReceivedEnvelope.answers(parts.log(), member),
                new CompletePendingRequest(),
                bindToOneWayMessage,
                new AnswerForAnotherNode(settings.nodeName()))));
        camel.addRoutes(new OneWayAnswerRoute(new OneWayAnswerRoute.Steps(bindToOneWayMessage, openPayload,
                LogReceivedEnvelope.answers(parts.log(), member),
                new CompleteOneWayMessage(parts.outgoing(), parts.deadLetters(), parts.keys().signingCertificate(),
                        parts.clock()))));
        camel.addRoutes(new SubscriberRoute(new SubscriberRoute.Steps(
                new CheckSubscription(federation, parts.connectors()),
                openPayload,
                ValidateOperation.providerRequests(descriptions),
                ValidateIncomingPayload.requests(federation, validator),
                LogReceivedEnvelope.deliveries(parts.log(), member),
                new PrepareBackendCall(parts.events()),
                new CheckBackendAccepted())));
        camel.addRoutes(new SubjectAccessRoute(new AnswerSubjectAccesses(member, parts.log(),
                MemberFiles.in(settings.dataDirectory(), member).subjectTagKeys())));
        camel.addRoutes(new ProvideRoute(endpoints, new ProvideRoute.Steps(
                new CheckProviderAccessRight(federation, member, parts.connectors()),
                openPayload,
                ValidateOperation.providerRequests(descriptions),
                ValidateIncomingPayload.requests(federation, validator),
                new TagDataSubject(descriptions, SubjectTagger.open(
                        MemberFiles.in(settings.dataDirectory(), member).subjectTagKeys(), member, federation, descriptions)),
                new ClaimDelivery(parts.delivered()),
                LogReceivedEnvelope.deliveries(parts.log(), member),
                new WatchAccessAnomalies(parts.anomalies(), parts.clock()),
                new PrepareBackendCall(parts.events()),
                new CheckBackendAnswer(),
                ValidateOperation.backendAnswers(descriptions),
                new ValidateResponsePayload(validator),
                new SealResponse(federation, sealer),
                logSent,
                new CheckAlreadyReceipted(parts.receipted()),
                new NoteHandedOver(parts.receipted(), window, parts.clock()),
                new CheckBackendAccepted(),
                new SealReceipt(federation, sealer, parts.clock()),
                new RememberReceipt(parts.receipted(), window, parts.clock()))));
    }
}

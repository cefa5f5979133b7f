package kh.gov.spean.cli.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.demo.DemoNetwork;
import kh.gov.spean.crypto.DevelopmentBackendTls;
import kh.gov.spean.node.edge.EdgeSecurity;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.files.FolderTree;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.BackendTls;
import kh.gov.spean.node.GatewayNode;
import kh.gov.spean.node.NodeSettings;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.http.XRoadHeaders;
import kh.gov.spean.node.kafka.Topics;

/**
 * {@code spean bench}: secure request/response exchanges per second through the full path — client node, Kafka,
 * provider node, WireMock backend and back, every message signed, sealed, validated and logged at both ends — and
 * their latency when paced at half that rate, beside the same traffic through a plain Camel + Kafka relay (the
 * ceiling), the raw crypto one exchange needs (the floor) and a node's cold start, all on this machine, in one run;
 * with {@code --one-way}, one-way messages too ({@link OneWayRun}), and with {@code --events}, events ({@link EventRun}).
 * It prints what it measured with {@link BenchReport}: a table, and last a line of JSON for scripts comparing runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure secure exchanges per second against a plain relay and the crypto floor, on this machine.")
public final class BenchCommand implements Callable<Integer> {

    /**
     * The bench's nodes still listen on plain HTTP (development edge, announced at their start): its event-loop load
     * client presents no client certificate yet, so its figures leave out the edge's TLS.
     */
    static final EdgeSecurity BENCH_EDGE = EdgeSecurity.developmentPlainHttp();


    static final String CLIENT = "KH/GOV/MEF/BUSINESS-REGISTRY";
    /** verifyCitizen holds personal data: each call declares the purpose the registry is granted, and an official. */
    static final Map<String, String> DECLARED = Map.of(XRoadHeaders.PURPOSE, "BUSINESS_REGISTRATION",
            XRoadHeaders.USER_ID, "MEF-REGISTRAR-0042");
    static final String SERVICE = "KH/GOV/MOI/ID-REGISTRY/verifyCitizen";
    static final String REQUEST = "{\"nationalId\":\"010203040\",\"fullNameKm\":\"សុខ ចាន់ដារ៉ា\",\"fullNameEn\":\"Sok Chandara\","
            + "\"dateOfBirth\":\"1990-01-31\",\"purpose\":\"Business registration MEF-2026-000123\"}";
    static final String RESPONSE = "{\"nationalId\":\"010203040\",\"result\":\"match\","
            + "\"matchedFields\":[\"nationalId\",\"dateOfBirth\"],\"checkedAt\":\"2026-11-25T08:00:00Z\"}";
    /** The connector of the service called, pointed at the bench's own backend, and the path that backend answers. */
    static final String BACKEND_CONNECTOR = "moi-id-registry";
    static final String BACKEND_PATH = "/id-registry/v1/citizens/verify";
    /**
     * A member whose node the bench does not run, started in a JVM of its own to time a cold start; afterwards, with
     * {@code --one-way} or {@code --events}, started in this one as the provider of the one-way messages and the
     * publisher of the events.
     */
    static final MemberId STARTED_COLD = MemberId.parse("KH/GOV/MPTC");
    /** Between the unpaced window and the paced one: long enough for the queues the first left to drain. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** How long the consumers of the node started in this JVM may take to join their group. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    /** The floor is a tight loop that settles in seconds. */
    private static final Duration FLOOR_WINDOW = Duration.ofSeconds(8);
    /** The windows of a warm-up that looks for a steady rate are as long as the measured one, and at most this. */
    private static final Duration LONGEST_WARM_UP_STEP = Duration.ofSeconds(10);

    @Option(names = "--seconds", defaultValue = "12", description = "Measured seconds per path (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Warm-up seconds before the cold window of the "
            + "secure and plain paths, and before the one-way, event and memory windows (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-max", defaultValue = "360", description = "At most this many seconds of warm-up in all "
            + "before the secure and plain paths' steady windows: they are measured once the JIT compiler takes under 5%% "
            + "of the CPU and the rate moves under 5%% between windows, or at this bound (default: ${DEFAULT-VALUE}).")
    int warmupMax;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the run as a PNG: the secure path's "
            + "throughput and latency over time, and the CPU per exchange of each path by thread group.")
    Path plot;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients, each waiting for its answer (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--threads", description = "Also print where each path's CPU went per exchange, by thread group.")
    boolean threads;

    @Option(names = "--one-way", description = "Also measure one-way messages, each client waiting for its last to reach "
            + "the register, and check that every one accepted came back receipted (adds a warm-up and a window).")
    boolean oneWay;

    @Option(names = "--events", description = "Also measure events, each client waiting for every copy of its last to "
            + "reach the register, and check that every copy of every one accepted arrived (adds a warm-up and a window).")
    boolean events;

    @Override
    public Integer call() throws Exception {
        SettingCheck.require(seconds > 0, "seconds", "must be positive, was " + seconds);
        SettingCheck.require(warmup >= 0, "warmup", "must be 0 or more, was " + warmup);
        SettingCheck.require(clients > 0, "clients", "must be positive, was " + clients);
        SettingCheck.require(warmupMax >= 0, "warmup-max", "must be 0 or more, was " + warmupMax);
        System.setProperty("org.slf4j.simpleLogger.log.kh.gov.spean", "warn");
        Path data = Files.createTempDirectory("spean-bench");
        try {
            new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
            Set<MemberId> members = Set.of(MemberId.parse("KH/GOV/MOI"), MemberId.parse("KH/GOV/MEF"));
            Duration warm = Duration.ofSeconds(warmup);
            Duration measured = Duration.ofSeconds(seconds);
            LoadRun.Result secure;
            LoadRun.Result halfLoad;
            LoadRun.Result plain;
            NodeStartTime.Start nodeStart;
            NodeMemory.Result memory;
            WarmUp untilSteady = new WarmUp(warm, Duration.ofSeconds(warmupMax),
                    measured.compareTo(LONGEST_WARM_UP_STEP) < 0 ? measured : LONGEST_WARM_UP_STEP);
            OneWayRun.Result oneWayResult = null;
            EventRun.Result eventResult = null;
            Arrivals reportsTaken = OneWayRun.reportsTaken();
            List<Arrivals> copiesTaken = EventRun.copiesTaken();
            List<Arrivals> taken = new ArrayList<>(copiesTaken);
            taken.add(reportsTaken);
            DevelopmentBackendTls backendTls = DevelopmentBackendTls.create(data.resolve("backend-tls"),
                    "Spean bench backend CA");
            try (BenchBackend backend = BenchBackend.start(BACKEND_PATH, RESPONSE, taken, backendTls);
                 // Without logins: the figures compare with runs before the broker authenticated (decision 0032).
                 DemoNetwork network = DemoNetwork.start(data, SpeanHome.root(), 0, members::contains,
                        backends(backend), BENCH_EDGE, DemoNetwork.KafkaLogins.NONE, backendTls);
                 LoadRun load = new LoadRun(clients, System.out)) {
                System.out.printf("spean bench: %d clients, %d s warm-up before a cold window, then at most %d s in all"
                                + " until the rate is steady, %d s measured per path, %d cores%n",
                        clients, warmup, warmupMax, seconds, Runtime.getRuntime().availableProcessors());
                LoadRun.Call call = LoadRun.post(network.node(MemberId.parse("KH/GOV/MEF")).baseUri()
                        .resolve("/r1/" + SERVICE), CLIENT, DECLARED, REQUEST);
                LoadRun.Verdict matched = LoadRun.answered(BenchCommand::matched);
                secure = load.run("secure", call, matched, clients, untilSteady, measured);
                halfLoad = load.run("secure at half that rate", call, matched, clients, secure.perSecond() / 2,
                        WarmUp.fixed(SETTLE), measured);
                try (PlainRelay relay = PlainRelay.start(network.bootstrapServers(), backend.uri(), backendTls)) {
                    plain = load.run("plain", LoadRun.post(relay.uri(), CLIENT, DECLARED, REQUEST), matched, clients,
                            untilSteady, measured);
                }
                nodeStart = NodeStartTime.measure(data, STARTED_COLD, network.bootstrapServers(), backendTls);
                if (oneWay || events) {
                    // After the cold start: MPTC, the member that start timed, now in this JVM.
                    NodeSettings mptc = NodeSettings.defaults(STARTED_COLD, data, network.bootstrapServers(),
                                    SpeanHome.root())
                            .withHttpPort(0)
                            .withBackends(Map.of(OneWayRun.BACKEND_CONNECTOR, backend.baseUrl()))
                            .withEdge(BENCH_EDGE)
                            .withBackendTls(BackendTls.of(backendTls));
                    try (GatewayNode blocklist = GatewayNode.start(mptc, Clock.systemUTC())) {
                        ConsumerGroupSettled.await(network.bootstrapServers(), Topics.inboxGroup(STARTED_COLD),
                                Topics.inbox(STARTED_COLD), mptc.inboxConsumers(), SETTLE_LIMIT);
                        if (oneWay) {
                            oneWayResult = OneWayRun.measure(load, network.node(MemberId.parse("KH/GOV/MOI")),
                                    reportsTaken, clients, warm, measured);
                        }
                        if (events) {
                            eventResult = EventRun.measure(load, blocklist, copiesTaken, clients, warm, measured);
                        }
                    }
                }
                MemberId client = MemberId.parse("KH/GOV/MEF");
                MemberId provider = MemberId.parse("KH/GOV/MOI");
                network.node(client).close();
                network.node(provider).close();
                memory = NodeMemory.measure(load, data, network.bootstrapServers(), backendTls, client, provider,
                        List.of("--backend", BACKEND_CONNECTOR + "=" + backend.baseUrl()), "/r1/" + SERVICE, call,
                        matched, clients, warm, measured);
            }
            CryptoFloor.Result floor = CryptoFloor.measure(Runtime.getRuntime().availableProcessors(),
                    measured.compareTo(FLOOR_WINDOW) < 0 ? measured : FLOOR_WINDOW,
                    REQUEST.getBytes(StandardCharsets.UTF_8), RESPONSE.getBytes(StandardCharsets.UTF_8));
            BenchReport.Figures figures = new BenchReport.Figures(secure, halfLoad, plain, floor, nodeStart, memory,
                    oneWayResult, eventResult);
            if (plot != null) {
                BenchChart.write(figures, plot);
                System.out.println("plot: " + plot);
            }
            BenchReport.print(figures, clients, threads, System.out);
            return figures.failures() == 0 ? 0 : 1;
        } finally {
            FolderTree.delete(data);
        }
    }

    /**
     * The connectors the bench's paths reach, pointed at its register: the secure path's service and the event's
     * subscribers.
     */
    private static Map<String, String> backends(BenchBackend backend) {
        Map<String, String> backends = new HashMap<>();
        backends.put(BACKEND_CONNECTOR, backend.baseUrl());
        EventRun.SUBSCRIBER_PATHS.keySet().forEach(connector -> backends.put(connector, backend.baseUrl()));
        return backends;
    }

    private static boolean matched(LoadRun.Answer answer) {
        return answer.status() == 200 && "match".equals(JsonField.text(answer.body(), "result"));
    }
}

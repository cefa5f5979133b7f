package kh.gov.spean.cli.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.demo.DemoNetwork;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.files.FolderTree;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean bench}: secure request/response exchanges per second through the full path — client node, Kafka,
 * provider node, WireMock backend and back, every message signed, sealed, validated and logged at both ends — and
 * their latency when paced at half that rate, beside the same traffic through a plain Camel + Kafka relay (the
 * ceiling), the raw crypto one exchange needs (the floor) and a node's cold start, all on this machine, in one run;
 * with {@code --one-way}, one-way messages too ({@link OneWayRun}). The last line is JSON, for scripts comparing runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure secure exchanges per second against a plain relay and the crypto floor, on this machine.")
public final class BenchCommand implements Callable<Integer> {

    static final String CLIENT = "KH/GOV/MEF/BUSINESS-REGISTRY";
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
     * {@code --one-way}, started in this one as the provider of the one-way messages.
     */
    static final MemberId STARTED_COLD = MemberId.parse("KH/GOV/MPTC");
    /** Between the unpaced window and the paced one: long enough for the queues the first left to drain. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** The floor is a tight loop that settles in seconds. */
    private static final Duration FLOOR_WINDOW = Duration.ofSeconds(8);

    /** What one run measured; {@code oneWay} is null unless asked for. */
    private record Figures(LoadRun.Result secure, LoadRun.Result halfLoad, LoadRun.Result plain, double floor,
                           NodeStartTime.Start nodeStart, OneWayRun.Result oneWay) {

        long failures() {
            long secureFailures = secure.errors() + secure.lost() + halfLoad.errors() + halfLoad.lost();
            return oneWay == null ? secureFailures
                    : secureFailures + oneWay.window().errors() + oneWay.lost() + oneWay.duplicates();
        }
    }

    @Option(names = "--seconds", defaultValue = "12", description = "Measured seconds per path (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Warm-up seconds before the secure and the plain path are measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients, each waiting for its answer (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--threads", description = "Also print where each path's CPU went per exchange, by thread group.")
    boolean threads;

    @Option(names = "--one-way", description = "Also measure one-way messages, each client waiting for its last to reach "
            + "the register, and check that every one accepted came back receipted (adds a warm-up and a window).")
    boolean oneWay;

    @Override
    public Integer call() throws Exception {
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
            OneWayRun.Result oneWayResult = null;
            try (BenchBackend backend = BenchBackend.start(BACKEND_PATH, RESPONSE, OneWayRun.BACKEND_PATH);
                 DemoNetwork network = DemoNetwork.start(data, SpeanHome.root(), 0, members::contains,
                         Map.of(BACKEND_CONNECTOR, backend.baseUrl()));
                 LoadRun load = new LoadRun(clients)) {
                System.out.printf("spean bench: %d clients, %d s warm-up, %d s measured per path, %d cores%n",
                        clients, warmup, seconds, Runtime.getRuntime().availableProcessors());
                LoadRun.Call call = LoadRun.post(network.node(MemberId.parse("KH/GOV/MEF")).baseUri()
                        .resolve("/r1/" + SERVICE), CLIENT, REQUEST);
                LoadRun.Verdict matched = LoadRun.answered(BenchCommand::matched);
                secure = load.run("secure", call, matched, clients, warm, measured);
                halfLoad = load.run("secure at half that rate", call, matched, clients, secure.perSecond() / 2, SETTLE,
                        measured);
                try (PlainRelay relay = PlainRelay.start(network.bootstrapServers(), backend.uri())) {
                    plain = load.run("plain", LoadRun.post(relay.uri(), CLIENT, REQUEST), matched, clients, warm,
                            measured);
                }
                nodeStart = NodeStartTime.measure(data, STARTED_COLD, network.bootstrapServers());
                if (oneWay) {
                    // After the cold start: the provider is the member that start timed, now in this JVM.
                    oneWayResult = OneWayRun.measure(load, network.node(MemberId.parse("KH/GOV/MOI")), data,
                            network.bootstrapServers(), backend, clients, warm, measured);
                }
            }
            double floor = CryptoFloor.exchangesPerSecond(Runtime.getRuntime().availableProcessors(),
                    measured.compareTo(FLOOR_WINDOW) < 0 ? measured : FLOOR_WINDOW,
                    REQUEST.getBytes(StandardCharsets.UTF_8), RESPONSE.getBytes(StandardCharsets.UTF_8));
            Figures figures = new Figures(secure, halfLoad, plain, floor, nodeStart, oneWayResult);
            print(figures);
            return figures.failures() == 0 ? 0 : 1;
        } finally {
            FolderTree.delete(data);
        }
    }

    private static boolean matched(LoadRun.Answer answer) {
        return answer.status() == 200 && "match".equals(JsonField.text(answer.body(), "result"));
    }

    private void print(Figures figures) {
        LoadRun.Result secure = figures.secure();
        LoadRun.Result halfLoad = figures.halfLoad();
        LoadRun.Result plain = figures.plain();
        double floor = figures.floor();
        System.out.println();
        System.out.printf("%-48s %10s %8s %8s %8s %8s %10s %7s %5s%n", "path", "per s", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "CPU ms/ex", "errors", "lost");
        printRow("secure (signed, sealed, validated, logged)", secure);
        printRow("secure, paced at half that rate", halfLoad);
        printRow("plain Camel + Kafka relay (ceiling)", plain);
        OneWayRun.Result oneWayResult = figures.oneWay();
        if (oneWayResult != null) {
            printRow("one-way (202, then at the register)", oneWayResult.window());
        }
        System.out.printf(Locale.ROOT, "%-48s %10.1f%n", "crypto floor (raw BC operations, all cores)", floor);
        System.out.printf(Locale.ROOT, "secure / floor = %.2f, secure / plain = %.2f%n", secure.perSecond() / floor,
                secure.perSecond() / plain.perSecond());
        System.out.printf(Locale.ROOT, "of the secure path's CPU per exchange, %.2f ms went to the JIT compiler and the garbage"
                + " collector (a longer --warmup lowers it)%n", jvmInternalMillisPerExchange(secure));
        System.out.printf("a node in a JVM of its own, broker already up: ready %d ms after the process started (%s)%n",
                figures.nodeStart().readyMillis(), figures.nodeStart().classDataArchive()
                        ? "classes from the archive ./spean records" : "no class-data archive yet");
        if (oneWayResult != null) {
            System.out.printf("one-way, whole run: %d accepted, %d receipted, %d taken twice by the register%n",
                    oneWayResult.accepted(), oneWayResult.receipted(), oneWayResult.duplicates());
        }
        if (threads) {
            for (LoadRun.Result result : new LoadRun.Result[] {secure, plain}) {
                printThreadGroups(result);
            }
            if (oneWayResult != null) {
                printThreadGroups(oneWayResult.window());
            }
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("secure_per_s", round(secure.perSecond()))
                .add("plain_per_s", round(plain.perSecond()))
                .add("floor_per_s", round(floor))
                .add("secure_vs_floor", round(secure.perSecond() / floor))
                .add("p50_ms", round(secure.latencies().percentileMillis(50)))
                .add("p95_ms", round(secure.latencies().percentileMillis(95)))
                .add("p99_ms", round(secure.latencies().percentileMillis(99)))
                .add("max_ms", round(secure.latencies().maxMillis()))
                .add("cpu_ms_per_exchange", round(secure.cpuMillisPerExchange()))
                .add("half_load_per_s", round(halfLoad.perSecond()))
                .add("half_load_p50_ms", round(halfLoad.latencies().percentileMillis(50)))
                .add("half_load_p99_ms", round(halfLoad.latencies().percentileMillis(99)))
                .add("plain_p99_ms", round(plain.latencies().percentileMillis(99)))
                .add("jit_gc_cpu_ms_per_exchange", round(jvmInternalMillisPerExchange(secure)))
                .add("node_ready_ms", figures.nodeStart().readyMillis())
                .add("node_class_data_archive", figures.nodeStart().classDataArchive())
                .add("errors", secure.errors() + halfLoad.errors())
                .add("lost", secure.lost() + halfLoad.lost())
                .add("exchanges", secure.exchanges())
                .add("clients", clients)
                .add("seconds", round(secure.seconds()))
                .add("cores", Runtime.getRuntime().availableProcessors());
        if (oneWayResult != null) {
            LoadRun.Result window = oneWayResult.window();
            json.add("one_way_per_s", round(window.perSecond()))
                    .add("one_way_p50_ms", round(window.latencies().percentileMillis(50)))
                    .add("one_way_p99_ms", round(window.latencies().percentileMillis(99)))
                    .add("one_way_cpu_ms_per_message", round(window.cpuMillisPerExchange()))
                    .add("one_way_accepted", oneWayResult.accepted())
                    .add("one_way_receipted", oneWayResult.receipted())
                    .add("one_way_errors", window.errors())
                    .add("one_way_lost", oneWayResult.lost())
                    .add("one_way_duplicates", oneWayResult.duplicates());
        }
        System.out.println(json.build());
    }

    private static void printRow(String label, LoadRun.Result result) {
        System.out.printf(Locale.ROOT, "%-48s %10.1f %8.1f %8.1f %8.1f %8.1f %10.2f %7d %5d%n", label,
                result.perSecond(), result.latencies().percentileMillis(50), result.latencies().percentileMillis(95),
                result.latencies().percentileMillis(99), result.latencies().maxMillis(), result.cpuMillisPerExchange(),
                result.errors(), result.lost());
    }

    private static double jvmInternalMillisPerExchange(LoadRun.Result result) {
        return result.exchanges() == 0 ? 0
                : result.cpuNanosByThreadGroup().getOrDefault(ThreadCpu.JVM_INTERNAL, 0L) / 1e6 / result.exchanges();
    }

    private static void printThreadGroups(LoadRun.Result result) {
        System.out.printf("%n%s path, CPU ms per exchange by thread group:%n", result.path());
        result.cpuNanosByThreadGroup().forEach((group, nanos) -> {
            double perExchange = result.exchanges() == 0 ? 0 : nanos / 1e6 / result.exchanges();
            if (perExchange >= 0.05) {
                System.out.printf(Locale.ROOT, "  %8.2f  %s%n", perExchange, group);
            }
        });
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

package kh.gov.spean.cli.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.cli.SpeanHome;
import kh.gov.spean.cli.demo.DemoNetwork;
import kh.gov.spean.federation.FederationInitializer;
import kh.gov.spean.id.MemberId;

/**
 * {@code spean bench}: secure request/response exchanges per second through the full path — client node, Kafka,
 * provider node, WireMock backend and back, every message signed, sealed, validated and logged at both ends —
 * beside the same traffic through a plain Camel + Kafka relay (the ceiling) and the raw crypto one exchange needs
 * (the floor), all on this machine, in one run. The last line is JSON, for scripts comparing runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure secure exchanges per second against a plain relay and the crypto floor, on this machine.")
public final class BenchCommand implements Callable<Integer> {

    static final String CLIENT = "KH/GOV/MEF/BUSINESS-REGISTRY";
    static final String SERVICE = "KH/GOV/MOI/ID-REGISTRY/verifyCitizen";
    static final String REQUEST = "{\"nationalId\":\"010203040\",\"fullNameKm\":\"សុខ ចាន់ដារ៉ា\",\"fullNameEn\":\"Sok Chandara\","
            + "\"dateOfBirth\":\"1990-01-31\",\"purpose\":\"Business registration MEF-2026-000123\"}";

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds per path (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Warm-up seconds before each measured window (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients, each waiting for its answer (default: ${DEFAULT-VALUE}).")
    int clients;

    @Override
    public Integer call() throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.kh.gov.spean", "warn");
        Path data = Files.createTempDirectory("spean-bench");
        try {
            new FederationInitializer(Clock.systemUTC()).initialize(SpeanHome.seed(), SpeanHome.schemas(), data);
            Set<MemberId> members = Set.of(MemberId.parse("KH/GOV/MOI"), MemberId.parse("KH/GOV/MEF"));
            Duration warm = Duration.ofSeconds(warmup);
            Duration measured = Duration.ofSeconds(seconds);
            LoadRun load = new LoadRun();
            LoadRun.Result secure;
            LoadRun.Result plain;
            try (DemoNetwork network = DemoNetwork.start(data, SpeanHome.root(), 0, members::contains)) {
                System.out.printf("spean bench: %d clients, %d s warm-up, %d s measured per path, %d cores%n",
                        clients, warmup, seconds, Runtime.getRuntime().availableProcessors());
                URI node = network.node(MemberId.parse("KH/GOV/MEF")).baseUri();
                secure = load.run("secure", LoadRun.post(node.resolve("/r1/" + SERVICE), CLIENT, REQUEST),
                        BenchCommand::matched, clients, warm, measured);
                URI backend = URI.create("http://127.0.0.1:" + network.backends().get("moi-id-registry").port()
                        + "/id-registry/v1/citizens/verify");
                try (PlainRelay relay = PlainRelay.start(network.bootstrapServers(), backend)) {
                    plain = load.run("plain", LoadRun.post(relay.uri(), CLIENT, REQUEST), BenchCommand::matched, clients,
                            warm, measured);
                }
            }
            byte[] response = "{\"nationalId\":\"010203040\",\"result\":\"match\",\"matchedFields\":[\"nationalId\",\"dateOfBirth\"],\"checkedAt\":\"2026-11-25T08:00:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8);
            int cores = Runtime.getRuntime().availableProcessors();
            double floor = CryptoFloor.exchangesPerSecond(cores, measured, REQUEST.getBytes(StandardCharsets.UTF_8), response);
            print(secure, plain, floor);
            return secure.errors() == 0 && secure.lost() == 0 ? 0 : 1;
        } finally {
            delete(data);
        }
    }

    private static boolean matched(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject answer = reader.readObject();
            return "match".equals(answer.getString("result", null));
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private void print(LoadRun.Result secure, LoadRun.Result plain, double floor) {
        System.out.println();
        System.out.printf("%-48s %10s %8s %8s %8s %8s %10s %7s %5s%n", "path", "per s", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "CPU ms/ex", "errors", "lost");
        for (LoadRun.Result result : new LoadRun.Result[] {secure, plain}) {
            System.out.printf(Locale.ROOT, "%-48s %10.1f %8.1f %8.1f %8.1f %8.1f %10.2f %7d %5d%n",
                    result.path().equals("secure") ? "secure (signed, sealed, validated, logged)" : "plain Camel + Kafka relay (ceiling)",
                    result.perSecond(), result.latencies().percentileMillis(50), result.latencies().percentileMillis(95),
                    result.latencies().percentileMillis(99), result.latencies().maxMillis(), result.cpuMillisPerExchange(),
                    result.errors(), result.lost());
        }
        System.out.printf(Locale.ROOT, "%-48s %10.1f%n", "crypto floor (raw BC operations, all cores)", floor);
        System.out.printf(Locale.ROOT, "secure / floor = %.2f, secure / plain = %.2f%n", secure.perSecond() / floor,
                secure.perSecond() / plain.perSecond());
        System.out.println(Json.createObjectBuilder()
                .add("secure_per_s", round(secure.perSecond()))
                .add("plain_per_s", round(plain.perSecond()))
                .add("floor_per_s", round(floor))
                .add("secure_vs_floor", round(secure.perSecond() / floor))
                .add("p50_ms", round(secure.latencies().percentileMillis(50)))
                .add("p95_ms", round(secure.latencies().percentileMillis(95)))
                .add("p99_ms", round(secure.latencies().percentileMillis(99)))
                .add("max_ms", round(secure.latencies().maxMillis()))
                .add("cpu_ms_per_exchange", round(secure.cpuMillisPerExchange()))
                .add("plain_p99_ms", round(plain.latencies().percentileMillis(99)))
                .add("errors", secure.errors())
                .add("lost", secure.lost())
                .add("exchanges", secure.exchanges())
                .add("clients", clients)
                .add("seconds", round(secure.seconds()))
                .add("cores", Runtime.getRuntime().availableProcessors())
                .build());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package kh.gov.spean.cli.bench;

import java.io.PrintStream;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * What one {@code spean bench} run measured, and how it is printed: a table, a few lines on what the table leaves out,
 * where the CPU went by thread group if asked, and last one line of JSON for scripts comparing runs.
 */
final class BenchReport {

    /** The figures of one run; {@code oneWay} and {@code events} are null unless asked for. */
    record Figures(LoadRun.Result secure, LoadRun.Result halfLoad, LoadRun.Result plain, double floor,
                   NodeStartTime.Start nodeStart, OneWayRun.Result oneWay, EventRun.Result events) {

        /** Errors, lost exchanges and messages taken twice, over every path: any makes the run fail. */
        long failures() {
            long failures = secure.errors() + secure.lost() + halfLoad.errors() + halfLoad.lost();
            if (oneWay != null) {
                failures += oneWay.window().errors() + oneWay.lost() + oneWay.duplicates();
            }
            if (events != null) {
                failures += events.window().errors() + events.lost() + events.duplicates();
            }
            return failures;
        }
    }

    private BenchReport() {
    }

    static void print(Figures figures, int clients, boolean threads, PrintStream out) {
        LoadRun.Result secure = figures.secure();
        LoadRun.Result plain = figures.plain();
        double floor = figures.floor();
        OneWayRun.Result oneWay = figures.oneWay();
        EventRun.Result events = figures.events();
        int cores = Runtime.getRuntime().availableProcessors();
        out.println();
        out.printf("%-48s %10s %8s %8s %8s %8s %10s %7s %5s%n", "path", "per s", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "CPU ms/ex", "errors", "lost");
        printRow(out, "secure (signed, sealed, validated, logged)", secure);
        printRow(out, "secure, paced at half that rate", figures.halfLoad());
        printRow(out, "plain Camel + Kafka relay (ceiling)", plain);
        if (oneWay != null) {
            printRow(out, "one-way (202, then at the register)", oneWay.window());
        }
        if (events != null) {
            printRow(out, "event (202, then every copy at the register)", events.window());
        }
        out.printf(Locale.ROOT, "%-48s %10.1f%n", "crypto floor (raw BC operations, all cores)", floor);
        out.printf(Locale.ROOT, "secure / floor = %.2f, secure / plain = %.2f%n", secure.perSecond() / floor,
                secure.perSecond() / plain.perSecond());
        out.printf(Locale.ROOT, "secure / floor can be at most %.2f here: an exchange needs the floor's %.2f ms of CPU"
                        + " (%d cores / %.1f per s) and besides at least the plain relay's %.2f ms (without the JVM's own"
                        + " threads)%n",
                secureVsFloorAtMost(figures, cores), cores * 1000.0 / floor, cores, floor, warmCpuMillisPerExchange(plain));
        out.printf(Locale.ROOT, "of the secure path's CPU per exchange, %.2f ms went to the JVM's own threads: %.2f to the"
                        + " JIT compiler, %.2f to the garbage collector, %.2f to the rest (a longer --warmup lowers it)%n",
                jvmOwnMillisPerExchange(secure), groupMillisPerExchange(secure, ThreadCpu.JIT_COMPILER),
                groupMillisPerExchange(secure, ThreadCpu.GARBAGE_COLLECTOR),
                groupMillisPerExchange(secure, ThreadCpu.JVM_INTERNAL));
        NodeStartTime.Start nodeStart = figures.nodeStart();
        out.printf(Locale.ROOT, "a node in a JVM of its own, broker already up: ready %d ms after the process started"
                        + " (%s; the bench's own JVM, with the broker, used %.0f%% of a core meanwhile)%n",
                nodeStart.readyMillis(), nodeStart.classDataArchive()
                        ? "classes from the class-data archive the bench's JVM runs from"
                        : "no class-data archive: the bench's JVM runs from none it can use",
                nodeStart.benchCoreShare() * 100);
        if (oneWay != null) {
            out.printf("one-way, whole run: %d accepted, %d receipted, %d taken twice by the register%n",
                    oneWay.accepted(), oneWay.receipted(), oneWay.duplicates());
        }
        if (events != null) {
            out.printf("events, whole run: %d published, %d of their %d copies at the register, %d taken twice%n",
                    events.published(), events.copiesDelivered(), events.copiesExpected(), events.duplicates());
        }
        if (threads) {
            printThreadGroups(out, secure);
            printThreadGroups(out, plain);
            if (oneWay != null) {
                printThreadGroups(out, oneWay.window());
            }
            if (events != null) {
                printThreadGroups(out, events.window());
            }
        }
        out.println(json(figures, clients, cores));
    }

    private static String json(Figures figures, int clients, int cores) {
        LoadRun.Result secure = figures.secure();
        LoadRun.Result halfLoad = figures.halfLoad();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("secure_per_s", round(secure.perSecond()))
                .add("plain_per_s", round(figures.plain().perSecond()))
                .add("floor_per_s", round(figures.floor()))
                .add("secure_vs_floor", round(secure.perSecond() / figures.floor()))
                .add("secure_vs_floor_at_most", round(secureVsFloorAtMost(figures, cores)))
                .add("p50_ms", round(secure.latencies().percentileMillis(50)))
                .add("p95_ms", round(secure.latencies().percentileMillis(95)))
                .add("p99_ms", round(secure.latencies().percentileMillis(99)))
                .add("max_ms", round(secure.latencies().maxMillis()))
                .add("cpu_ms_per_exchange", round(secure.cpuMillisPerExchange()))
                .add("half_load_per_s", round(halfLoad.perSecond()))
                .add("half_load_p50_ms", round(halfLoad.latencies().percentileMillis(50)))
                .add("half_load_p99_ms", round(halfLoad.latencies().percentileMillis(99)))
                .add("plain_p99_ms", round(figures.plain().latencies().percentileMillis(99)))
                .add("jit_gc_cpu_ms_per_exchange", round(jvmOwnMillisPerExchange(secure)))
                .add("jit_cpu_ms_per_exchange", round(groupMillisPerExchange(secure, ThreadCpu.JIT_COMPILER)))
                .add("gc_cpu_ms_per_exchange", round(groupMillisPerExchange(secure, ThreadCpu.GARBAGE_COLLECTOR)))
                .add("node_ready_ms", figures.nodeStart().readyMillis())
                .add("node_class_data_archive", figures.nodeStart().classDataArchive())
                .add("node_start_bench_core_share", round(figures.nodeStart().benchCoreShare()))
                .add("errors", secure.errors() + halfLoad.errors())
                .add("lost", secure.lost() + halfLoad.lost())
                .add("exchanges", secure.exchanges())
                .add("clients", clients)
                .add("seconds", round(secure.seconds()))
                .add("cores", cores);
        OneWayRun.Result oneWay = figures.oneWay();
        if (oneWay != null) {
            addWindow(json, "one_way", "message", oneWay.window());
            json.add("one_way_accepted", oneWay.accepted())
                    .add("one_way_receipted", oneWay.receipted())
                    .add("one_way_lost", oneWay.lost())
                    .add("one_way_duplicates", oneWay.duplicates());
        }
        EventRun.Result events = figures.events();
        if (events != null) {
            addWindow(json, "event", "event", events.window());
            json.add("event_published", events.published())
                    .add("event_copies_expected", events.copiesExpected())
                    .add("event_copies_delivered", events.copiesDelivered())
                    .add("event_lost", events.lost())
                    .add("event_duplicates", events.duplicates());
        }
        return json.build().toString();
    }

    /** A messaging path's window: {@code <path>_per_s}, its latency, CPU per {@code unit} and errors. */
    private static void addWindow(JsonObjectBuilder json, String path, String unit, LoadRun.Result window) {
        json.add(path + "_per_s", round(window.perSecond()))
                .add(path + "_p50_ms", round(window.latencies().percentileMillis(50)))
                .add(path + "_p99_ms", round(window.latencies().percentileMillis(99)))
                .add(path + "_cpu_ms_per_" + unit, round(window.cpuMillisPerExchange()))
                .add(path + "_errors", window.errors());
    }

    private static void printRow(PrintStream out, String label, LoadRun.Result result) {
        out.printf(Locale.ROOT, "%-48s %10.1f %8.1f %8.1f %8.1f %8.1f %10.2f %7d %5d%n", label,
                result.perSecond(), result.latencies().percentileMillis(50), result.latencies().percentileMillis(95),
                result.latencies().percentileMillis(99), result.latencies().maxMillis(), result.cpuMillisPerExchange(),
                result.errors(), result.lost());
    }

    /**
     * The highest secure / floor this machine allows: the secure path does at least the plain relay's work besides the
     * floor's crypto, and no path uses more than every core's time, so it makes at most
     * {@code cores * 1000 / (floor CPU + plain CPU)} exchanges per second, where the floor's CPU per exchange is
     * {@code cores * 1000 / floor}.
     */
    static double secureVsFloorAtMost(double floorPerSecond, int cores, double plainCpuMillisPerExchange) {
        double floorCpuMillis = cores * 1000.0 / floorPerSecond;
        return floorCpuMillis / (floorCpuMillis + plainCpuMillisPerExchange);
    }

    private static double secureVsFloorAtMost(Figures figures, int cores) {
        return secureVsFloorAtMost(figures.floor(), cores, warmCpuMillisPerExchange(figures.plain()));
    }

    /** A path's CPU per exchange without what the JVM's own threads (the JIT compiler, the collector) took meanwhile. */
    private static double warmCpuMillisPerExchange(LoadRun.Result result) {
        return result.cpuMillisPerExchange() - jvmOwnMillisPerExchange(result);
    }

    private static double jvmOwnMillisPerExchange(LoadRun.Result result) {
        return groupMillisPerExchange(result, ThreadCpu.JIT_COMPILER)
                + groupMillisPerExchange(result, ThreadCpu.GARBAGE_COLLECTOR)
                + groupMillisPerExchange(result, ThreadCpu.JVM_INTERNAL);
    }

    private static double groupMillisPerExchange(LoadRun.Result result, String group) {
        return result.exchanges() == 0 ? 0
                : result.cpuNanosByThreadGroup().getOrDefault(group, 0L) / 1e6 / result.exchanges();
    }

    private static void printThreadGroups(PrintStream out, LoadRun.Result result) {
        out.printf("%n%s path, CPU ms per exchange by thread group:%n", result.path());
        result.cpuNanosByThreadGroup().forEach((group, nanos) -> {
            double perExchange = result.exchanges() == 0 ? 0 : nanos / 1e6 / result.exchanges();
            if (perExchange >= 0.05) {
                out.printf(Locale.ROOT, "  %8.2f  %s%n", perExchange, group);
            }
        });
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

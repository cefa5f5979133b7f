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
    record Figures(LoadRun.Result secure, LoadRun.Result halfLoad, LoadRun.Result plain, CryptoFloor.Result floor,
                   NodeStartTime.Start nodeStart, NodeMemory.Result memory, OneWayRun.Result oneWay,
                   EventRun.Result events) {

        /** Errors, lost exchanges and messages taken twice, over every path: any makes the run fail. */
        long failures() {
            long failures = errors() + lost() + memory.load().errors() + memory.load().lost();
            if (oneWay != null) {
                failures += oneWay.window().errors() + oneWay.lost() + oneWay.duplicates();
            }
            if (events != null) {
                failures += events.window().errors() + events.lost() + events.duplicates();
            }
            return failures;
        }

        /** The secure path's errors, from its cold window on, and at half rate. */
        long errors() {
            return secure.errors() + halfLoad.errors();
        }

        long lost() {
            return secure.lost() + halfLoad.lost();
        }

        /**
         * What the secure path costs beyond what it cannot avoid: its CPU per exchange over the plain relay's and the
         * crypto floor's together, each without the JVM's own threads (the JIT compiler, the collector), all three
         * from this run. 1 would be a gateway that adds nothing to a relay but the crypto.
         */
        double overheadRatio() {
            return warmCpuMillisPerExchange(secure) / (warmCpuMillisPerExchange(plain) + floor.cpuMillisPerExchange());
        }
    }

    private BenchReport() {
    }

    static void print(Figures figures, int clients, boolean threads, PrintStream out) {
        LoadRun.Result secure = figures.secure();
        LoadRun.Result plain = figures.plain();
        CryptoFloor.Result floor = figures.floor();
        OneWayRun.Result oneWay = figures.oneWay();
        EventRun.Result events = figures.events();
        int cores = Runtime.getRuntime().availableProcessors();
        out.println();
        out.printf("%-48s %10s %8s %8s %8s %8s %8s %10s %7s %5s%n", "path", "per s", "p50 ms", "p95 ms", "p99 ms",
                "p99.9 ms", "max ms", "CPU ms/ex", "errors", "lost");
        printRow(out, "secure (signed, sealed, validated, logged)", secure);
        printRow(out, "secure, paced at half that rate", figures.halfLoad());
        printRow(out, "plain Camel + Kafka relay (ceiling)", plain);
        if (oneWay != null) {
            printRow(out, "one-way (202, then at the register)", oneWay.window());
        }
        if (events != null) {
            printRow(out, "event (202, then every copy at the register)", events.window());
        }
        out.printf(Locale.ROOT, "%-48s %10.1f%n", "crypto floor (raw BC operations, all cores)", floor.perSecond());
        printWarmUp(out, secure);
        printWarmUp(out, plain);
        out.printf(Locale.ROOT, "overhead ratio %.2f: the secure path's %.2f ms of CPU an exchange over the plain relay's"
                        + " %.2f and the crypto floor's %.2f together (all without the JVM's own threads)%n",
                figures.overheadRatio(), warmCpuMillisPerExchange(secure), warmCpuMillisPerExchange(plain),
                floor.cpuMillisPerExchange());
        out.printf(Locale.ROOT, "secure / floor = %.2f, secure / plain = %.2f%n", secure.perSecond() / floor.perSecond(),
                secure.perSecond() / plain.perSecond());
        out.printf(Locale.ROOT, "secure / floor can be at most %.2f here: an exchange needs the floor's %.2f ms of CPU"
                        + " (%d cores / %.1f per s) and besides at least the plain relay's %.2f ms (without the JVM's own"
                        + " threads)%n",
                secureVsFloorAtMost(figures, cores), cores * 1000.0 / floor.perSecond(), cores, floor.perSecond(),
                warmCpuMillisPerExchange(plain));
        out.printf(Locale.ROOT, "of the secure path's CPU per exchange, %.2f ms went to the JVM's own threads: %.2f to the"
                        + " JIT compiler, %.2f to the garbage collector, %.2f to the rest%n",
                jvmOwnMillisPerExchange(secure), secure.groupMillisPerExchange(ThreadCpu.JIT_COMPILER),
                secure.groupMillisPerExchange(ThreadCpu.GARBAGE_COLLECTOR),
                secure.groupMillisPerExchange(ThreadCpu.JVM_INTERNAL));
        NodeMemory.Result memory = figures.memory();
        out.printf(Locale.ROOT, "memory under load, each node in a JVM of its own (%.1f secure exchanges per s through"
                + " them, %d errors, %d lost), peak of readings every second:%n", memory.load().perSecond(),
                memory.load().errors(), memory.load().lost());
        memory.nodes().forEach((node, usage) -> printMemory(out, String.format(Locale.ROOT, "node %s (restarted, ready in"
                + " %.1f s)", node, memory.restartReadyMillis().getOrDefault(node, 0L) / 1000.0), usage));
        printMemory(out, "the bench's JVM (broker, register, load generator)", memory.benchJvm());
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

    /** The cold figure, on a line of its own, and how long the warm-up to the steady one took. */
    private static void printWarmUp(PrintStream out, LoadRun.Result path) {
        LoadRun.Result cold = path.cold();
        if (cold == null) {
            return;
        }
        out.printf(Locale.ROOT, "%s, cold: %.1f per s, p99 %.1f ms, %.2f ms of CPU an exchange (JIT compiler %.2f);"
                        + " %s after %.0f s of warm-up: %.1f per s, JIT compiler %.2f ms%n",
                path.path(), cold.perSecond(), cold.latencies().percentileMillis(99), cold.cpuMillisPerExchange(),
                cold.groupMillisPerExchange(ThreadCpu.JIT_COMPILER),
                path.settled() ? "steady" : "NOT steady (bound reached)", path.warmUpSeconds(), path.perSecond(),
                path.groupMillisPerExchange(ThreadCpu.JIT_COMPILER));
    }

    private static void printMemory(PrintStream out, String jvm, MemoryProbe.Usage usage) {
        out.printf(Locale.ROOT, "  %-52s RSS %7.1f MB, heap in use %7.1f MB%n", jvm, usage.rssMb(), usage.heapUsedMb());
    }

    private static String json(Figures figures, int clients, int cores) {
        LoadRun.Result secure = figures.secure();
        LoadRun.Result halfLoad = figures.halfLoad();
        LoadRun.Result plain = figures.plain();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("secure_per_s", round(secure.perSecond()))
                .add("plain_per_s", round(plain.perSecond()))
                .add("floor_per_s", round(figures.floor().perSecond()))
                .add("overhead_ratio", round(figures.overheadRatio()))
                .add("secure_cpu_ms_per_exchange_without_jvm", round(warmCpuMillisPerExchange(secure)))
                .add("plain_cpu_ms_per_exchange_without_jvm", round(warmCpuMillisPerExchange(plain)))
                .add("floor_cpu_ms_per_exchange", round(figures.floor().cpuMillisPerExchange()))
                .add("secure_vs_floor", round(secure.perSecond() / figures.floor().perSecond()))
                .add("secure_vs_floor_at_most", round(secureVsFloorAtMost(figures, cores)))
                .add("p50_ms", round(secure.latencies().percentileMillis(50)))
                .add("p95_ms", round(secure.latencies().percentileMillis(95)))
                .add("p99_ms", round(secure.latencies().percentileMillis(99)))
                .add("p999_ms", round(secure.latencies().percentileMillis(99.9)))
                .add("max_ms", round(secure.latencies().maxMillis()))
                .add("cpu_ms_per_exchange", round(secure.cpuMillisPerExchange()))
                .add("warmup_s", round(secure.warmUpSeconds()))
                .add("steady", secure.settled())
                .add("half_load_per_s", round(halfLoad.perSecond()))
                .add("half_load_p50_ms", round(halfLoad.latencies().percentileMillis(50)))
                .add("half_load_p99_ms", round(halfLoad.latencies().percentileMillis(99)))
                .add("plain_p99_ms", round(plain.latencies().percentileMillis(99)))
                .add("plain_steady", plain.settled())
                .add("jit_gc_cpu_ms_per_exchange", round(jvmOwnMillisPerExchange(secure)))
                .add("jit_cpu_ms_per_exchange", round(secure.groupMillisPerExchange(ThreadCpu.JIT_COMPILER)))
                .add("gc_cpu_ms_per_exchange", round(secure.groupMillisPerExchange(ThreadCpu.GARBAGE_COLLECTOR)))
                .add("node_ready_ms", figures.nodeStart().readyMillis())
                .add("node_class_data_archive", figures.nodeStart().classDataArchive())
                .add("node_start_bench_core_share", round(figures.nodeStart().benchCoreShare()))
                .add("errors", figures.errors())
                .add("lost", figures.lost())
                .add("exchanges", secure.exchanges())
                .add("clients", clients)
                .add("seconds", round(secure.seconds()))
                .add("cores", cores);
        LoadRun.Result cold = secure.cold();
        if (cold != null) {
            json.add("cold_per_s", round(cold.perSecond()))
                    .add("cold_p99_ms", round(cold.latencies().percentileMillis(99)))
                    .add("cold_cpu_ms_per_exchange", round(cold.cpuMillisPerExchange()))
                    .add("cold_jit_cpu_ms_per_exchange", round(cold.groupMillisPerExchange(ThreadCpu.JIT_COMPILER)));
        }
        NodeMemory.Result memory = figures.memory();
        JsonObjectBuilder nodes = Json.createObjectBuilder();
        memory.nodes().forEach((node, usage) -> nodes.add(node, memoryJson(usage)
                .add("restart_ready_ms", memory.restartReadyMillis().getOrDefault(node, 0L))));
        json.add("nodes", nodes)
                .add("bench_jvm", memoryJson(memory.benchJvm()))
                .add("memory_load_per_s", round(memory.load().perSecond()))
                .add("memory_load_errors", memory.load().errors() + memory.load().lost());
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

    private static JsonObjectBuilder memoryJson(MemoryProbe.Usage usage) {
        return Json.createObjectBuilder().add("rss_mb", round(usage.rssMb())).add("heap_used_mb", round(usage.heapUsedMb()));
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
        out.printf(Locale.ROOT, "%-48s %10.1f %8.1f %8.1f %8.1f %8.1f %8.1f %10.2f %7d %5d%n", label,
                result.perSecond(), result.latencies().percentileMillis(50), result.latencies().percentileMillis(95),
                result.latencies().percentileMillis(99), result.latencies().percentileMillis(99.9),
                result.latencies().maxMillis(), result.cpuMillisPerExchange(), result.errors(), result.lost());
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
        return secureVsFloorAtMost(figures.floor().perSecond(), cores, warmCpuMillisPerExchange(figures.plain()));
    }

    /** A path's CPU per exchange without what the JVM's own threads (the JIT compiler, the collector) took meanwhile. */
    static double warmCpuMillisPerExchange(LoadRun.Result result) {
        return result.cpuMillisPerExchange() - jvmOwnMillisPerExchange(result);
    }

    private static double jvmOwnMillisPerExchange(LoadRun.Result result) {
        return ThreadCpu.JVM_OWN.stream().mapToDouble(result::groupMillisPerExchange).sum();
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

package kh.gov.spean.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchChartTest {

    private static final String INBOX = "Camel (camel-N) thread #N - KafkaConsumer[spean.inbox.KH.GOV.MOI]";
    private static final String BROKER = "data-plane-kafka-network-thread-N-ListenerName(PLAINTEXT)-PLAINTEXT-N";

    @Test
    void the_plot_is_a_png_of_the_promised_size(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bench.png");

        BenchChart.write(figures(), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "ImageIO could not decode " + file);
        assertEquals(BenchChart.WIDTH, image.getWidth());
        assertEquals(BenchChart.HEIGHT, image.getHeight());
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                List.of(Files.readAllBytes(file)[0], Files.readAllBytes(file)[1], Files.readAllBytes(file)[2],
                        Files.readAllBytes(file)[3]));
    }

    @Test
    void the_timeline_plots_each_seconds_rate_and_percentiles_as_the_run_recorded_them() {
        LoadRun.Result secure = figures().secure();
        List<Timeline.Point> points = secure.timeline().points();

        XYSeriesCollection throughput = BenchChart.throughput(secure.timeline());
        XYSeriesCollection latency = BenchChart.latency(secure.timeline());

        assertEquals(points.size(), throughput.getSeries(0).getItemCount());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(points.get(i).atSeconds(), throughput.getSeries(0).getX(i).doubleValue());
            assertEquals(points.get(i).perSecond(), throughput.getSeries(0).getY(i).doubleValue());
        }
        XYSeries p50 = latency.getSeries("p50");
        XYSeries p99 = latency.getSeries("p99");
        XYSeries p999 = latency.getSeries("p99.9");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(points.get(i).p50Millis(), p50.getY(i).doubleValue());
            assertEquals(points.get(i).p99Millis(), p99.getY(i).doubleValue());
            assertEquals(points.get(i).p999Millis(), p999.getY(i).doubleValue());
        }
        // The seconds recorded: 100 exchanges of 10 ms in the first, 200 of 5 ms and one of 80 ms in the second.
        assertEquals(100.0, points.get(0).perSecond());
        assertEquals(10.0, points.get(0).p99Millis(), 0.01);
        assertEquals(201.0, points.get(1).perSecond());
        assertEquals(5.0, points.get(1).p50Millis(), 0.01);
        assertEquals(80.0, points.get(1).p999Millis(), 0.1);
    }

    @Test
    void each_bar_adds_up_to_its_paths_cpu_per_exchange_without_the_jvms_own_threads() {
        BenchReport.Figures figures = figures();

        DefaultCategoryDataset split = BenchChart.cpuSplit(figures);

        assertEquals(BenchReport.warmCpuMillisPerExchange(figures.secure()), column(split, BenchChart.SECURE), 1e-9);
        assertEquals(BenchReport.warmCpuMillisPerExchange(figures.plain()), column(split, BenchChart.PLAIN), 1e-9);
        assertEquals(figures.floor().cpuMillisPerExchange(), column(split, BenchChart.FLOOR), 1e-9);
        // 2,000 ms of the inbox consumers' CPU over 1,000 secure exchanges.
        assertEquals(2.0, split.getValue(INBOX, BenchChart.SECURE).doubleValue(), 1e-9);
        assertEquals(-1, split.getRowIndex(ThreadCpu.JIT_COMPILER));
    }

    private static double column(DefaultCategoryDataset dataset, String path) {
        double sum = 0;
        for (Object row : dataset.getRowKeys()) {
            Number value = dataset.getValue((Comparable<?>) row, path);
            sum += value == null ? 0 : value.doubleValue();
        }
        return sum;
    }

    /** A run of made-up figures: 1,000 secure exchanges, 2,000 plain ones, a floor at 1.25 ms an exchange. */
    static BenchReport.Figures figures() {
        Timeline timeline = new Timeline();
        Histogram first = Latencies.newHistogram();
        first.recordValueWithCount(10_000_000L, 100);
        timeline.add(1.0, 1.0, first);
        Histogram second = Latencies.newHistogram();
        second.recordValueWithCount(5_000_000L, 200);
        second.recordValue(80_000_000L);
        timeline.add(2.0, 1.0, second);
        timeline.measuredFrom(1.0);
        Latencies latencies = Latencies.empty();
        latencies.add(second);
        LoadRun.Result secure = result("secure", 1_000, Map.of(INBOX, 2_000_000_000L, BROKER, 900_000_000L,
                ThreadCpu.JIT_COMPILER, 300_000_000L, ThreadCpu.GARBAGE_COLLECTOR, 100_000_000L), latencies, timeline);
        LoadRun.Result plain = result("plain", 2_000, Map.of(BROKER, 1_000_000_000L, "vert.x-eventloop-thread-N",
                600_000_000L, ThreadCpu.JVM_INTERNAL, 50_000_000L), latencies, timeline);
        NodeMemory.Result memory = new NodeMemory.Result(result("memory", 500, Map.of(), latencies, timeline),
                new LinkedHashMap<>(Map.of("KH/GOV/MEF", new MemoryProbe.Usage(400, 120))),
                new MemoryProbe.Usage(900, 300), Map.of("KH/GOV/MEF", 4000L));
        return new BenchReport.Figures(secure, result("half", 500, Map.of(), latencies, timeline), plain,
                new CryptoFloor.Result(1600, 1.25), new NodeStartTime.Start(3000, true, 0.3), memory, null, null);
    }

    private static LoadRun.Result result(String path, long exchanges, Map<String, Long> cpu, Latencies latencies,
                                         Timeline timeline) {
        long all = cpu.values().stream().mapToLong(Long::longValue).sum();
        return new LoadRun.Result(path, exchanges, 0, 0, 10.0, latencies, all / 1e6 / exchanges, cpu, null, 60.0,
                true, timeline);
    }
}

package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kh.gov.spean.cli.bench.BenchChart;

/**
 * {@code spean bench --one-way --events} runs every path end to end and ends with one line of JSON a script can
 * compare. It asserts what a run must hold (every exchange answered, every accepted one-way message receipted, every
 * copy of every accepted event delivered, none lost, none taken twice), not how fast: speed is for the figures it
 * prints.
 */
class BenchCommandIT {

    @Test
    void a_short_run_measures_all_paths_and_ends_with_json(@TempDir Path folder) throws Exception {
        Path plot = folder.resolve("bench.png");
        CommandRun run = CommandRun.of("bench", "--seconds", "2", "--warmup", "1", "--warmup-max", "9", "--clients", "2",
                "--one-way", "--events", "--plot", plot.toString());

        assertEquals(0, run.exit(), run.output());
        String last = run.output().strip().lines().reduce((first, second) -> second).orElseThrow();
        try (JsonReader reader = Json.createReader(new StringReader(last))) {
            JsonObject figures = reader.readObject();
            assertEquals(0, figures.getInt("errors"), last);
            assertEquals(0, figures.getInt("lost"), last);
            assertEquals(0, figures.getInt("one_way_errors"), last);
            assertEquals(0, figures.getInt("one_way_lost"), last);
            assertEquals(0, figures.getInt("one_way_duplicates"), last);
            assertEquals(figures.getInt("one_way_accepted"), figures.getInt("one_way_receipted"), last);
            assertEquals(0, figures.getInt("event_errors"), last);
            assertEquals(0, figures.getInt("event_lost"), last);
            assertEquals(0, figures.getInt("event_duplicates"), last);
            assertEquals(2 * figures.getInt("event_published"), figures.getInt("event_copies_delivered"), last);
            // This test's JVM was not started from a class-data archive, so neither is the node it times.
            assertFalse(figures.getBoolean("node_class_data_archive"), last);
            for (String node : new String[] {"KH/GOV/MEF", "KH/GOV/MOI"}) {
                JsonObject memory = figures.getJsonObject("nodes").getJsonObject(node);
                assertTrue(memory.getJsonNumber("rss_mb").doubleValue() > memory.getJsonNumber("heap_used_mb").doubleValue(),
                        node + " in " + last);
                assertTrue(memory.getJsonNumber("heap_used_mb").doubleValue() > 0, node + " in " + last);
            }
            assertEquals(0, figures.getInt("memory_load_errors"), last);
            for (String figure : new String[] {"secure_per_s", "plain_per_s", "floor_per_s", "p50_ms", "p99_ms",
                    "p999_ms", "overhead_ratio", "floor_cpu_ms_per_exchange", "cold_per_s", "warmup_s",
                    "half_load_per_s", "half_load_p99_ms", "node_ready_ms", "node_start_bench_core_share",
                    "jit_cpu_ms_per_exchange",
                    "one_way_per_s", "one_way_p99_ms",
                    "one_way_accepted", "event_per_s", "event_p99_ms", "event_published"}) {
                assertTrue(figures.getJsonNumber(figure).doubleValue() > 0, figure + " in " + last);
            }
        }
        assertTrue(run.output().contains("crypto floor"), run.output());
        assertTrue(run.output().contains("secure, cold: "), run.output());
        BufferedImage image = ImageIO.read(plot.toFile());
        assertEquals(BenchChart.WIDTH, image.getWidth(), "the plot " + plot);
        assertEquals(BenchChart.HEIGHT, image.getHeight(), "the plot " + plot);
    }
}

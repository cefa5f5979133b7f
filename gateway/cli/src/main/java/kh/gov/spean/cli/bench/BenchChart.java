package kh.gov.spean.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code spean bench --plot FILE}: one PNG of a run, drawn with JFreeChart without a display. Above, the secure path
 * second by second from its first client to the end of its measured window — exchanges per second, and the p50, p99
 * and p99.9 latency of each second — with a line where the measured window began; below, each path's CPU per exchange
 * by thread group, stacked (the secure path, the plain relay, the crypto floor), the JVM's own threads left out as the
 * overhead ratio leaves them out.
 */
public final class BenchChart {

    static {
        // Before anything touches AWT: no display is needed, and none is asked for.
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 1100;
    public static final int HEIGHT = 1000;
    private static final int TIMELINE_HEIGHT = 560;
    /** The busiest thread groups each have a colour of their own; the rest are stacked as one. */
    private static final int GROUPS_SHOWN = 7;
    static final String OTHER_THREADS = "other threads";
    static final String FLOOR_THREADS = "crypto floor's threads";
    static final String SECURE = "secure path";
    static final String PLAIN = "plain relay";
    static final String FLOOR = "crypto floor";

    private BenchChart() {
    }

    /** Draws the run into {@code file} as a PNG of {@link #WIDTH} by {@link #HEIGHT}. */
    static void write(BenchReport.Figures figures, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            timeline(figures.secure()).draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, TIMELINE_HEIGHT));
            cpu(figures).draw(graphics, new Rectangle2D.Double(0, TIMELINE_HEIGHT, WIDTH, HEIGHT - TIMELINE_HEIGHT));
        } finally {
            graphics.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java");
        }
    }

    /** Throughput above, latency percentiles below (log scale), on one time axis. */
    static JFreeChart timeline(LoadRun.Result path) {
        NumberAxis time = new NumberAxis("seconds since the path's first client started");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        XYPlot throughput = new XYPlot(throughput(path.timeline()), null, new NumberAxis("exchanges per s"),
                new XYLineAndShapeRenderer(true, false));
        LogAxis milliseconds = new LogAxis("latency ms (log scale)");
        milliseconds.setSmallestValue(0.1);
        milliseconds.setNumberFormatOverride(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        XYPlot latency = new XYPlot(latency(path.timeline()), null, milliseconds, new XYLineAndShapeRenderer(true, false));
        double measuredFrom = path.timeline().measuredFromSeconds();
        for (XYPlot each : List.of(throughput, latency)) {
            if (!Double.isNaN(measuredFrom)) {
                ValueMarker marker = new ValueMarker(measuredFrom, Color.DARK_GRAY, new BasicStroke(1.5f));
                each.addDomainMarker(marker);
            }
            each.setBackgroundPaint(Color.WHITE);
            each.setDomainGridlinePaint(Color.LIGHT_GRAY);
            each.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        plot.add(throughput, 1);
        plot.add(latency, 1);
        String title = String.format(Locale.ROOT, "%s: %.1f per s measured after %.0f s of warm-up (%s), p99 %.1f ms",
                path.path(), path.perSecond(), path.warmUpSeconds(), path.settled() ? "steady" : "not steady",
                path.latencies().percentileMillis(99));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Exchanges per second, each second. */
    static XYSeriesCollection throughput(Timeline timeline) {
        XYSeries perSecond = new XYSeries("exchanges per s", false, true);
        timeline.points().forEach(point -> perSecond.add(point.atSeconds(), point.perSecond()));
        return new XYSeriesCollection(perSecond);
    }

    /** p50, p99 and p99.9 of each second that had exchanges. */
    static XYSeriesCollection latency(Timeline timeline) {
        XYSeries p50 = new XYSeries("p50", false, true);
        XYSeries p99 = new XYSeries("p99", false, true);
        XYSeries p999 = new XYSeries("p99.9", false, true);
        for (Timeline.Point point : timeline.points()) {
            if (point.perSecond() > 0) {
                p50.add(point.atSeconds(), point.p50Millis());
                p99.add(point.atSeconds(), point.p99Millis());
                p999.add(point.atSeconds(), point.p999Millis());
            }
        }
        XYSeriesCollection series = new XYSeriesCollection(p50);
        series.addSeries(p99);
        series.addSeries(p999);
        return series;
    }

    /** Stacked bars: each path's CPU per exchange by thread group, without the JVM's own threads. */
    static JFreeChart cpu(BenchReport.Figures figures) {
        JFreeChart chart = ChartFactory.createStackedBarChart(String.format(Locale.ROOT,
                        "CPU ms per exchange by thread group, without the JVM's own threads: overhead ratio %.2f",
                        figures.overheadRatio()),
                null, "CPU ms per exchange", cpuSplit(figures), PlotOrientation.HORIZONTAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /**
     * Rows are thread groups (the busiest across both load paths, then the rest as {@link #OTHER_THREADS}, and the
     * floor's own), columns the three paths; a path's row values add up to its CPU per exchange without the JVM's
     * own threads.
     */
    static DefaultCategoryDataset cpuSplit(BenchReport.Figures figures) {
        Map<String, Map<String, Double>> byPath = new LinkedHashMap<>();
        byPath.put(SECURE, groupMillis(figures.secure()));
        byPath.put(PLAIN, groupMillis(figures.plain()));
        Map<String, Double> busiest = new LinkedHashMap<>();
        byPath.values().forEach(groups -> groups.forEach((group, millis) -> busiest.merge(group, millis, Double::sum)));
        List<String> shown = new ArrayList<>(busiest.keySet());
        shown.sort(Comparator.comparing(busiest::get).reversed());
        shown = shown.subList(0, Math.min(GROUPS_SHOWN, shown.size()));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (String group : shown) {
            for (Map.Entry<String, Map<String, Double>> path : byPath.entrySet()) {
                dataset.addValue(path.getValue().getOrDefault(group, 0.0), group, path.getKey());
            }
            dataset.addValue(0.0, group, FLOOR);
        }
        for (Map.Entry<String, Map<String, Double>> path : byPath.entrySet()) {
            List<String> kept = shown;
            double rest = path.getValue().entrySet().stream().filter(group -> !kept.contains(group.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            dataset.addValue(rest, OTHER_THREADS, path.getKey());
        }
        dataset.addValue(0.0, OTHER_THREADS, FLOOR);
        dataset.addValue(0.0, FLOOR_THREADS, SECURE);
        dataset.addValue(0.0, FLOOR_THREADS, PLAIN);
        dataset.addValue(figures.floor().cpuMillisPerExchange(), FLOOR_THREADS, FLOOR);
        return dataset;
    }

    /** A path's CPU ms per exchange by thread group, the JVM's own left out. */
    private static Map<String, Double> groupMillis(LoadRun.Result path) {
        Map<String, Double> groups = new LinkedHashMap<>();
        path.cpuNanosByThreadGroup().keySet().stream().filter(group -> !ThreadCpu.JVM_OWN.contains(group))
                .forEach(group -> groups.put(group, path.groupMillisPerExchange(group)));
        return groups;
    }
}

package kh.gov.spean.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's Java samples went, by thread group and by the node's step: each {@code jdk.ExecutionSample}
 * is given to its thread's name with the digits made N (the groups {@code spean bench --threads} prints) and to the
 * innermost Spean node class on its stack, each group's share in Bouncy Castle and in its EC arithmetic is counted,
 * and for the samples outside a step the methods most sampled outside the JDK are named. Shares only: JFR samples a
 * few threads per period, so its counts are not milliseconds; multiply a share by the group's CPU per exchange from
 * the same run (docs/performance.md, "Where a warm exchange's CPU goes").
 *
 * <p>{@code java -cp gateway/bench/target/spean-bench.jar kh.gov.spean.bench.StepProfile w.jfr [groups]}
 */
public final class StepProfile {

    private static final String NODE_PACKAGE = "kh.gov.spean.node.";
    private static final String OUTSIDE_STEPS = "(outside a Spean step)";

    private static final int OUTSIDE_METHODS_SHOWN = 3;

    /** {@code innermostOutsideJdk}: the innermost method outside the JDK, shown for the samples outside a step. */
    private record Sample(String group, String step, String innermostOutsideJdk, boolean bouncyCastle,
                          boolean ecArithmetic) {
    }

    private StepProfile() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].matches("[1-9]\\d{0,3}"))) {
            System.err.println("usage: StepProfile RECORDING.jfr [GROUPS, 1 to 9999, default 3]");
            System.exit(2);
        }
        int groups = args.length == 2 ? Integer.parseInt(args[1]) : 3;
        List<RecordedEvent> events;
        try {
            events = RecordingFile.readAllEvents(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("StepProfile: cannot read " + args[0] + " as a JFR recording: " + e.getMessage());
            System.exit(1);
            return;
        }
        Map<String, List<Sample>> byGroup = events.stream()
                .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
                .map(StepProfile::sample)
                .collect(Collectors.groupingBy(Sample::group));
        if (byGroup.isEmpty()) {
            System.err.println("StepProfile: " + args[0]
                    + " holds no jdk.ExecutionSample (record with settings=profile)");
            System.exit(1);
        }
        byGroup.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Sample>> group) -> group.getValue().size())
                        .reversed())
                .limit(groups)
                .forEach(group -> print(group.getKey(), group.getValue()));
    }

    private static Sample sample(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "(unnamed)" : thread.getJavaName();
        List<RecordedFrame> frames = event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames();
        List<String> classes = frames.stream().map(frame -> frame.getMethod().getType().getName()).toList();
        String step = classes.stream().filter(type -> type.startsWith(NODE_PACKAGE)).findFirst()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).orElse(OUTSIDE_STEPS);
        String innermostOutsideJdk = frames.stream()
                .filter(frame -> !frame.getMethod().getType().getName().matches("(java|javax|jdk|sun)\\..*"))
                .findFirst().or(() -> frames.stream().findFirst())
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                .orElse("(no stack)");
        boolean ecArithmetic = !classes.isEmpty() && classes.get(0).startsWith("org.bouncycastle.math.");
        boolean bouncyCastle = classes.stream().anyMatch(type -> type.startsWith("org.bouncycastle."));
        return new Sample(name.replaceAll("\\d+", "N"), step, innermostOutsideJdk, bouncyCastle, ecArithmetic);
    }

    private static void print(String group, List<Sample> samples) {
        double total = samples.size();
        System.out.printf("%s: %d samples, Bouncy Castle %.0f%%, its EC arithmetic %.0f%%%n", group, samples.size(),
                100 * samples.stream().filter(Sample::bouncyCastle).count() / total,
                100 * samples.stream().filter(Sample::ecArithmetic).count() / total);
        Map<String, Long> bySteps = samples.stream()
                .collect(Collectors.groupingBy(Sample::step, TreeMap::new, Collectors.counting()));
        bySteps.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(step -> System.out.printf("  %5.1f%%  %s%n", 100 * step.getValue() / total, step.getKey()));
        samples.stream().filter(sample -> sample.step().equals(OUTSIDE_STEPS))
                .collect(Collectors.groupingBy(Sample::innermostOutsideJdk, TreeMap::new, Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(OUTSIDE_METHODS_SHOWN)
                .forEach(method -> System.out.printf("          %5.1f%%  outside a step, in %s%n",
                        100 * method.getValue() / total, method.getKey()));
    }
}

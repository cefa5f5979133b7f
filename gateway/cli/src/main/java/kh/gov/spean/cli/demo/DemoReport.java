package kh.gov.spean.cli.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints the demo's readable account: each exchange and each refusal, who, what, outcome, code, milliseconds. */
final class DemoReport {

    private final PrintStream out;
    private final List<Outcome> outcomes = new ArrayList<>();

    DemoReport(PrintStream out) {
        this.out = out;
    }

    void section(String title) {
        out.println();
        out.println(title);
    }

    void line(String text) {
        out.println("  " + text);
    }

    void record(Outcome outcome) {
        outcomes.add(outcome);
        out.printf("  %s  %s%n", outcome.held() ? "PASS" : "FAIL", outcome.name());
        out.printf("        %s%n", outcome.who());
        out.printf("        %s  (%d ms)%s%n", outcome.result(), outcome.millis(),
                outcome.note() == null || outcome.note().isEmpty() ? "" : "  " + outcome.note());
    }

    boolean allHeld() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(Outcome::held);
    }

    void summary() {
        long held = outcomes.stream().filter(Outcome::held).count();
        out.println();
        out.printf("%d of %d expectations held.%s%n", held, outcomes.size(), allHeld() ? "" : " THE DEMO FAILED.");
    }
}

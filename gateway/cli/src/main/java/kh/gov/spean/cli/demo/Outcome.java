package kh.gov.spean.cli.demo;

/**
 * What happened in one scenario, for the account the demo prints.
 *
 * @param who      the caller (or attacker) and its target
 * @param result   what the gateway answered or did, e.g. {@code 200 result=match} or {@code refused client.replayed}
 * @param held     whether the scenario's expectation held
 */
public record Outcome(String name, String who, String result, long millis, boolean held, String note) {
}

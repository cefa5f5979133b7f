package kh.gov.spean.cli.demo;

import java.util.Map;

import jakarta.json.JsonObject;

/**
 * What an example's answer must be: its status, the headers it must carry with these values, and either the JSON
 * fields it must hold ({@code body}) or its exact bytes ({@code bytes}, null when not given).
 */
public record ExpectedAnswer(int status, Map<String, String> headers, JsonObject body, byte[] bytes) {
}

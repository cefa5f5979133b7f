package kh.gov.spean.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Reads what the command line is given for Kafka clients: a properties file of settings, a password file. */
final class KafkaClientFiles {

    private KafkaClientFiles() {
    }

    /** The client settings in {@code file} (none when it is null); {@code setting} names the option in a refusal. */
    static Map<String, String> settings(Path file, String setting) {
        if (file == null) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting '" + setting + "' cannot be read: " + file);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /** The first line of {@code file}, a password; refused when it cannot be read or is empty. */
    static String password(Path file, String setting) {
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (password.isEmpty()) {
                throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting '" + setting + "': " + file
                        + " holds no password");
            }
            return password;
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting '" + setting + "' cannot be read: " + file);
        }
    }
}

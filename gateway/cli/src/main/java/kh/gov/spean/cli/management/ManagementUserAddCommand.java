package kh.gov.spean.cli.management;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.SettingCheck;
import kh.gov.spean.node.management.ManagementUser;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.management.PasswordHash;
import kh.gov.spean.node.management.Role;

/**
 * {@code spean management user add}: writes a user (or replaces the one of that name) into the node's users file, with
 * the Argon2id hash of a password for the browser login and, with {@code --token}, the SHA-256 of a new bearer token
 * for scripts and Prometheus, printed once. A running node reads the file again at its next request.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a user to a node's management port, or replace the one of that name.")
public final class ManagementUserAddCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Data directory made by 'spean init'.")
    Path data;

    @Option(names = "--member", required = true, description = "The member whose node this is, e.g. KH/GOV/MOI.")
    String member;

    @Option(names = "--name", required = true, description = "The user's name: letters, digits, '.', '_', '-'.")
    String name;

    @Option(names = "--role", required = true, description = "auditor (audit page, entries, export) or operator"
            + " (metrics, monitoring, health).")
    String role;

    @ArgGroup(exclusive = true)
    PasswordSource password;

    @Option(names = "--token", description = "Also make a bearer token (printed once) for scripts and Prometheus.")
    boolean token;

    /** Where the password comes from; without either, it is asked for twice on the terminal. */
    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password-file", description = "Read the password from the first line of this file.")
        Path file;

        @Option(names = "--no-password", description = "No browser login: a bearer token only (needs --token).")
        boolean none;
    }

    @Override
    public Integer call() throws IOException {
        MemberId memberId;
        try {
            memberId = MemberId.parse(member);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'member' " + e.getMessage());
        }
        SettingCheck.require(Files.isDirectory(data.resolve("federation")), "data",
                "must be a directory made by 'spean init': " + data);
        SettingCheck.require(name.matches(ManagementUser.NAME_PATTERN), "name",
                "must be letters, digits, '.', '_', '-', was " + name);
        Role chosen;
        try {
            chosen = Role.fromWireName(role);
        } catch (IllegalArgumentException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting 'role' " + e.getMessage());
        }
        boolean noPassword = password != null && password.none;
        SettingCheck.require(!noPassword || token, "no-password", "needs --token: the user would have no way in");
        String hash = noPassword ? null : PasswordHash.hash(readPassword());
        String bearer = token ? ManagementUsers.newToken() : null;
        Path file = ManagementUsers.fileOf(data, memberId);
        ManagementUsers.put(file, new ManagementUser(name, chosen.wireName(), hash,
                bearer == null ? null : ManagementUsers.sha256(bearer)));
        System.out.println(name + " (" + chosen.wireName() + ") written to " + file
                + (hash != null ? "; logs in with the password at https://HOST:PORT/login" : ""));
        if (bearer != null) {
            System.out.println("bearer token (shown once; keep it in a file readable by its user only):");
            System.out.println(bearer);
        }
        return 0;
    }

    private char[] readPassword() throws IOException {
        char[] read;
        if (password != null && password.file != null) {
            read = firstLine(Files.newBufferedReader(password.file, StandardCharsets.UTF_8));
        } else if (password != null && password.stdin) {
            read = firstLine(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } else {
            Console console = System.console();
            SettingCheck.require(console != null, "password",
                    "cannot be asked for without a terminal: use --password-stdin or --password-file");
            read = console.readPassword("Password for %s: ", name);
            char[] again = console.readPassword("Again: ");
            SettingCheck.require(read != null && Arrays.equals(read, again), "password", "was not typed the same twice");
        }
        SettingCheck.require(read != null && read.length >= 12, "password", "must be at least 12 characters");
        return read;
    }

    private static char[] firstLine(BufferedReader reader) throws IOException {
        try (reader) {
            String line = reader.readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}

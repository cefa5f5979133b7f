package kh.gov.spean.node.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.json.SpeanJson;

/**
 * The management users of one node, kept in {@code DATA/<member>/management/users.json} (written by
 * {@code spean management user add}). A running node reads the file again when it changes, so a user added or removed
 * takes effect without a restart; a file that no longer reads keeps the last good list, with a warning.
 */
public final class ManagementUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The file's shape. */
    public record UsersFile(List<ManagementUser> users) {
    }

    private final Path file;
    private volatile List<ManagementUser> users;
    private volatile String readAt;

    private ManagementUsers(Path file, List<ManagementUser> users, String readAt) {
        this.file = file;
        this.users = users;
        this.readAt = readAt;
    }

    /** Where a member's node keeps its management users. */
    public static Path fileOf(Path dataDirectory, MemberId member) {
        return dataDirectory.resolve(member.folderName()).resolve("management").resolve("users.json");
    }

    /** Reads the file (none yet: no users); refuses to start with CONFIGURATION_INVALID if it does not read. */
    public static ManagementUsers open(Path file) {
        String modified = modified(file);
        return new ManagementUsers(file, read(file), modified);
    }

    /** The user holding this bearer token, if any. */
    public Optional<ManagementUser> byToken(String token) {
        String digest = sha256(token);
        return current().stream().filter(user -> digest.equals(user.tokenSha256())).findFirst();
    }

    public Optional<ManagementUser> byName(String name) {
        return current().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /** Adds the user to the file, or replaces the one of that name; the file is readable by its owner only. */
    public static void put(Path file, ManagementUser user) {
        List<ManagementUser> kept = new ArrayList<>(read(file));
        kept.removeIf(existing -> existing.name().equals(user.name()));
        kept.add(user);
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, SpeanJson.toPrettyString(new UsersFile(kept)) + "\n");
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new bearer token: 256 random bits, base64url. */
    public static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The SHA-256 of a bearer token, in hex, as the users file keeps it. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private List<ManagementUser> current() {
        String modified = modified(file);
        if (modified != null && !modified.equals(readAt)) {
            synchronized (this) {
                if (!modified.equals(readAt)) {
                    try {
                        users = read(file);
                        LOG.info("management users read again from {}: {} user(s)", file, users.size());
                    } catch (SpeanException e) {
                        LOG.warn("{}: keeping the {} management user(s) read before", e.getMessage(), users.size());
                    }
                    readAt = modified;
                }
            }
        }
        return users;
    }

    private static List<ManagementUser> read(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            UsersFile parsed = SpeanJson.fromBytes(json, UsersFile.class);
            List<ManagementUser> users = parsed.users() == null ? List.of() : List.copyOf(parsed.users());
            for (ManagementUser user : users) {
                check(user);
            }
            return users;
        } catch (RuntimeException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "management users file " + file
                    + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void check(ManagementUser user) {
        if (user.name() == null || !user.name().matches(ManagementUser.NAME_PATTERN)) {
            throw new IllegalArgumentException("a user's name must match " + ManagementUser.NAME_PATTERN);
        }
        user.roleValue();
        if (user.passwordHash() != null && !PasswordHash.isWellFormed(user.passwordHash())) {
            throw new IllegalArgumentException(user.name() + "'s passwordHash is not an Argon2id PHC string");
        }
        if (user.tokenSha256() != null && !user.tokenSha256().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(user.name() + "'s tokenSha256 is not 64 hex digits");
        }
    }

    /** When and how long: two writes within the clock's resolution still differ by their length. */
    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file) + " " + Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }
}

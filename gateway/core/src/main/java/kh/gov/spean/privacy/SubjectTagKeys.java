package kh.gov.spean.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kh.gov.spean.files.OwnerOnlyFiles;

/**
 * A member's keys for blinding data subjects: a log entry holds {@code v<version>:<base64url HMAC-SHA256>} of the
 * subject's id under the member's key, never the id. Only the member holds its keys (files {@code v1.key},
 * {@code v2.key}, … of 32 random bytes, 0600 in a 0700 folder), so nobody else can test a guessed id against its log,
 * and the same citizen gets unrelated tags at different members. New entries use the highest version; a lookup tries
 * every version kept, so entries tagged before a rotation are still found.
 */
public final class SubjectTagKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final Pattern KEY_FILE = Pattern.compile("v([1-9][0-9]{0,5})\\.key");
    private static final Pattern TAG = Pattern.compile("v([1-9][0-9]{0,5}):[A-Za-z0-9_-]{43}");
    private static final byte[] CONTEXT = "spean subject tag\0".getBytes(StandardCharsets.US_ASCII);

    private final TreeMap<Integer, byte[]> keys;

    private SubjectTagKeys(TreeMap<Integer, byte[]> keys) {
        this.keys = keys;
    }

    /** The keys kept in {@code folder}; none when the folder does not exist. */
    public static SubjectTagKeys load(Path folder) {
        TreeMap<Integer, byte[]> keys = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return new SubjectTagKeys(keys);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = KEY_FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    byte[] key = Files.readAllBytes(file);
                    if (key.length != KEY_BYTES) {
                        throw new IllegalStateException(file + " is not a " + KEY_BYTES + "-byte subject tag key");
                    }
                    keys.put(Integer.parseInt(name.group(1)), key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the subject tag keys in " + folder, e);
        }
        return new SubjectTagKeys(keys);
    }

    /** Writes the next version's key into {@code folder} (v1 when there is none) and answers all the keys. */
    public static SubjectTagKeys rotate(Path folder) {
        SubjectTagKeys kept = load(folder);
        int next = kept.keys.isEmpty() ? 1 : kept.keys.lastKey() + 1;
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnlyFiles.createDirectories(folder);
            OwnerOnlyFiles.write(folder.resolve("v" + next + ".key"), key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a subject tag key into " + folder, e);
        }
        return load(folder);
    }

    /** Writes the first key into {@code folder} unless one is there already. */
    public static SubjectTagKeys createIfAbsent(Path folder) {
        SubjectTagKeys kept = load(folder);
        return kept.keys.isEmpty() ? rotate(folder) : kept;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The version new tags are made with. */
    public int currentVersion() {
        requireKeys();
        return keys.lastKey();
    }

    /** The tag of {@code subjectId} under the current key. */
    public String tag(String subjectId) {
        requireKeys();
        return tag(keys.lastEntry(), subjectId);
    }

    /** The tags of {@code subjectId} under every key kept, newest first: what a lookup searches a log for. */
    public List<String> tags(String subjectId) {
        requireKeys();
        List<String> tags = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> key : keys.descendingMap().entrySet()) {
            tags.add(tag(key, subjectId));
        }
        return tags;
    }

    /** True when {@code text} has the shape of a tag (any version). */
    public static boolean isTag(String text) {
        return text != null && TAG.matcher(text).matches();
    }

    /**
     * The id as it is tagged: Unicode NFKC, without spaces and hyphens, upper case — so "0123 45678" and "012345678"
     * name the same person.
     */
    static String normalised(String subjectId) {
        String text = Normalizer.normalize(subjectId, Normalizer.Form.NFKC);
        return text.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    private static String tag(Map.Entry<Integer, byte[]> key, String subjectId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getValue(), ALGORITHM));
            mac.update(CONTEXT);
            byte[] digest = mac.doFinal(normalised(subjectId).getBytes(StandardCharsets.UTF_8));
            return "v" + key.getKey() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private void requireKeys() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no subject tag key: run spean member keys (or spean init)");
        }
    }
}

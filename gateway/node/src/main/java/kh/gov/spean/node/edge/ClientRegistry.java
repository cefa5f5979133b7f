package kh.gov.spean.node.edge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kh.gov.spean.crypto.Pem;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.json.SpeanJson;

/**
 * The node's own record of its local subsystems' client certificates and connection types, the file
 * {@code DATA/MEMBER/edge/clients.json} that {@code spean client register} writes. A certificate is pinned by the
 * SHA-256 of its DER encoding; a running node reads the file again when it changes, at most once a second.
 */
public final class ClientRegistry {

    /** The file's form. */
    public record RegistryFile(List<Entry> subsystems) {
        public RegistryFile {
            subsystems = subsystems == null ? List.of() : List.copyOf(subsystems);
        }
    }

    /** One subsystem: how it connects, and the certificates registered for it. */
    public record Entry(String subsystem, String connectionType, List<Registered> certificates) {
        public Entry {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /** A registered certificate: its fingerprint, and what an operator reads to know which one it is. */
    public record Registered(String sha256, String subject, String notAfter, String pem) {
    }

    /** What the node decides with, read from the file at one moment. */
    private record Snapshot(Map<String, Set<SubsystemId>> subsystemsByFingerprint,
                            Map<SubsystemId, ConnectionType> connectionTypes) {
    }

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private final Map<String, Set<SubsystemId>> ownConnectors = new HashMap<>();
    private volatile Snapshot snapshot;
    private volatile FileTime readVersion;
    private volatile long checkedAt;

    private ClientRegistry(Path file) {
        this.file = file;
    }

    /** The registry of a member's node in {@code dataDirectory}. */
    public static ClientRegistry of(Path dataDirectory, MemberId member) {
        ClientRegistry registry = new ClientRegistry(file(dataDirectory, member));
        registry.reload();
        return registry;
    }

    public static Path file(Path dataDirectory, MemberId member) {
        return EdgeFiles.in(dataDirectory, member).clientRegistry();
    }

    /**
     * Registers, in memory only, the certificate the node's own connector routes present when they call through it
     * (a service that is itself a client): made fresh at each start, never written.
     */
    public synchronized void trustOwnConnectors(String fingerprint, Set<SubsystemId> subsystems) {
        ownConnectors.put(fingerprint, Set.copyOf(subsystems));
        reload();
    }

    /** The subsystems a certificate is registered for (none if it is not registered). */
    public Set<SubsystemId> subsystemsOf(String fingerprint) {
        return current().subsystemsByFingerprint().getOrDefault(fingerprint, Set.of());
    }

    public ConnectionType connectionType(SubsystemId subsystem) {
        return current().connectionTypes().getOrDefault(subsystem, ConnectionType.DEFAULT);
    }

    /** Adds a certificate for a subsystem (idempotent), keeping the others; written atomically. */
    public synchronized void register(SubsystemId subsystem, X509Certificate certificate) {
        String fingerprint = kh.gov.spean.federation.Federation.fingerprint(certificate);
        update(subsystem, entry -> {
            List<Registered> certificates = new ArrayList<>(entry.certificates());
            certificates.removeIf(registered -> registered.sha256().equals(fingerprint));
            certificates.add(new Registered(fingerprint, certificate.getSubjectX500Principal().getName(),
                    certificate.getNotAfter().toInstant().toString(), Pem.certificate(certificate)));
            return new Entry(entry.subsystem(), entry.connectionType(), certificates);
        });
    }

    /** Removes a certificate, by fingerprint, from a subsystem; says whether it was there. */
    public synchronized boolean unregister(SubsystemId subsystem, String fingerprint) {
        boolean[] removed = {false};
        update(subsystem, entry -> {
            List<Registered> certificates = new ArrayList<>(entry.certificates());
            removed[0] = certificates.removeIf(registered -> registered.sha256().equalsIgnoreCase(fingerprint));
            return new Entry(entry.subsystem(), entry.connectionType(), certificates);
        });
        return removed[0];
    }

    public synchronized void setConnectionType(SubsystemId subsystem, ConnectionType type) {
        update(subsystem, entry -> new Entry(entry.subsystem(), type.wireName(), entry.certificates()));
    }

    /** The file as it stands. */
    public RegistryFile read() {
        try {
            return SpeanJson.fromBytes(Files.readAllBytes(file), RegistryFile.class);
        } catch (NoSuchFileException e) {
            return new RegistryFile(List.of());
        } catch (IOException | RuntimeException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the client registry " + file
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void update(SubsystemId subsystem, java.util.function.UnaryOperator<Entry> change) {
        List<Entry> entries = new ArrayList<>(read().subsystems());
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).subsystem().equals(subsystem.toString())) {
                index = i;
            }
        }
        Entry entry = index >= 0 ? entries.get(index)
                : new Entry(subsystem.toString(), ConnectionType.DEFAULT.wireName(), List.of());
        Entry changed = change.apply(entry);
        if (index >= 0) {
            entries.set(index, changed);
        } else {
            entries.add(changed);
        }
        try {
            Files.createDirectories(file.getParent());
            Path written = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(written, SpeanJson.toPrettyString(new RegistryFile(entries)));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot write " + file + ": " + e.getMessage(), e);
        }
        reload();
    }

    private Snapshot current() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            checkedAt = now;
            if (!java.util.Objects.equals(modified().orElse(null), readVersion)) {
                reload();
            }
        }
        return snapshot;
    }

    private synchronized void reload() {
        FileTime version = modified().orElse(null);
        Map<String, Set<SubsystemId>> byFingerprint = new HashMap<>();
        ownConnectors.forEach((fingerprint, subsystems) -> byFingerprint.put(fingerprint, new HashSet<>(subsystems)));
        Map<SubsystemId, ConnectionType> types = new HashMap<>();
        for (Entry entry : read().subsystems()) {
            SubsystemId subsystem;
            try {
                subsystem = SubsystemId.parse(entry.subsystem());
                types.put(subsystem, entry.connectionType() == null ? ConnectionType.DEFAULT
                        : ConnectionType.parse(entry.connectionType()));
            } catch (IllegalArgumentException e) {
                throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "the client registry " + file + ": "
                        + e.getMessage(), e);
            }
            for (Registered registered : entry.certificates()) {
                byFingerprint.computeIfAbsent(registered.sha256().toLowerCase(java.util.Locale.ROOT),
                        key -> new HashSet<>()).add(subsystem);
            }
        }
        byFingerprint.replaceAll((fingerprint, subsystems) -> Set.copyOf(subsystems));
        snapshot = new Snapshot(Map.copyOf(byFingerprint), Map.copyOf(types));
        readVersion = version;
    }

    private Optional<FileTime> modified() {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

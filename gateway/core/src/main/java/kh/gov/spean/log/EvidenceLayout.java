package kh.gov.spean.log;

import java.nio.file.Path;

import kh.gov.spean.id.EnvelopeId;

/**
 * The names of an evidence export's files, all in one place, each built only from a validated value (a checkpoint's
 * size, an {@link EnvelopeId} in its canonical UUID form) and checked to stay inside the export folder: a log is what
 * is being audited, so nothing read from it may choose where the auditor's machine writes.
 */
record EvidenceLayout(Path folder) {

    static final String CERTS = "certs";
    static final String CHECKPOINTS = "checkpoints";
    static final String ENVELOPES = "envelopes";

    EvidenceLayout {
        folder = folder.toAbsolutePath().normalize();
    }

    /** A checkpoint's file, relative to the export folder: {@code checkpoints/SIZE.EXTENSION}. */
    static String checkpoint(long size, String extension) {
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint size is never negative: " + size);
        }
        return CHECKPOINTS + "/" + size + "." + extension;
    }

    /** An envelope's file, relative to the export folder: {@code envelopes/UUID.EXTENSION}. */
    static String envelope(EnvelopeId id, String extension) {
        return ENVELOPES + "/" + id + "." + extension;
    }

    /** The file a relative name denotes, refused unless it lies inside the export folder. */
    Path resolve(String relative) {
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder) || file.equals(folder)) {
            throw new IllegalArgumentException("refusing to write outside the export folder: " + relative);
        }
        return file;
    }
}

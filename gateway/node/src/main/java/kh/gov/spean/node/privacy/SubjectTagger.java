package kh.gov.spean.node.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.id.MemberId;
import kh.gov.spean.node.openapi.ServiceDescriptions;
import kh.gov.spean.privacy.SubjectTagKeys;

/**
 * A node's member's keys for blinding data subjects (decision 0058), read at start and again once the key folder
 * changes, so that {@code spean member rotate-subject-key} takes effect at the next request without a restart.
 */
public final class SubjectTagger {

    private final Path folder;
    private volatile FileTime readAt;
    private volatile SubjectTagKeys keys;

    private SubjectTagger(Path folder) {
        this.folder = folder;
        this.readAt = modified(folder);
        this.keys = SubjectTagKeys.load(folder);
    }

    /**
     * The keys in {@code folder}; a node that provides a service whose description marks a data subject refuses to
     * start without one, as it could only log such requests untagged.
     */
    public static SubjectTagger open(Path folder, MemberId member, Federation federation, ServiceDescriptions descriptions) {
        SubjectTagger tagger = new SubjectTagger(folder);
        if (tagger.keys.isEmpty()) {
            for (Federation.Service service : federation.services()) {
                if (service.id().member().equals(member) && descriptions.dataSubjects(service).isPresent()) {
                    throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, member + " provides " + service.id()
                            + ", whose description marks a data subject, and has no key to tag it with in " + folder
                            + ": run spean member keys (or spean member rotate-subject-key) on this node");
                }
            }
        }
        return tagger;
    }

    /** The tag of {@code subjectId} under the member's current key. */
    public String tag(String subjectId) {
        FileTime now = modified(folder);
        if (!now.equals(readAt)) {
            synchronized (this) {
                if (!now.equals(readAt)) {
                    keys = SubjectTagKeys.load(folder);
                    readAt = now;
                }
            }
        }
        return keys.tag(subjectId);
    }

    private static FileTime modified(Path folder) {
        try {
            return Files.exists(folder) ? Files.getLastModifiedTime(folder) : FileTime.fromMillis(0);
        } catch (IOException e) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "cannot read the subject tag key folder " + folder);
        }
    }
}

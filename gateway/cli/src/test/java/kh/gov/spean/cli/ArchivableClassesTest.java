package kh.gov.spean.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivableClassesTest {

    private static final List<String> ENTRIES = List.of("a/Plain.class", "a/Both.class",
            "META-INF/versions/9/a/Both.class", "META-INF/versions/11/a/Newer.class", "META-INF/versions/9/a/notes.txt");

    @Test
    void a_multi_release_jar_names_the_classes_it_keeps_under_a_version(@TempDir Path folder) throws IOException {
        try (JarFile jar = new JarFile(jar(folder.resolve("release.jar"), true).toFile())) {
            assertEquals(Set.of("a/Both", "a/Newer"), ArchivableClasses.versionedClasses(jar));
        }
    }

    @Test
    void a_jar_that_is_not_multi_release_names_none(@TempDir Path folder) throws IOException {
        try (JarFile jar = new JarFile(jar(folder.resolve("plain.jar"), false).toFile())) {
            assertEquals(Set.of(), ArchivableClasses.versionedClasses(jar));
        }
    }

    @Test
    void the_list_loses_a_versioned_class_and_the_lambdas_it_calls_and_keeps_the_rest() {
        List<String> classList = List.of(
                "# NOTE: Do not modify this file.",
                "java/lang/Object id: 0",
                "a/Plain",
                "a/Both",
                "a/Newer id: 7",
                "@lambda-proxy a/Both run ()Ljava/lang/Runnable; ()V REF_invokeStatic a/Both lambda$0 ()V ()V",
                "@lambda-proxy a/Plain run ()Ljava/lang/Runnable; ()V REF_invokeStatic a/Plain lambda$0 ()V ()V",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L");

        assertEquals(List.of(
                "# NOTE: Do not modify this file.",
                "java/lang/Object id: 0",
                "a/Plain",
                "@lambda-proxy a/Plain run ()Ljava/lang/Runnable; ()V REF_invokeStatic a/Plain lambda$0 ()V ()V",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L"),
                ArchivableClasses.archivable(classList, Set.of("a/Both", "a/Newer")));
    }

    private static Path jar(Path path, boolean multiRelease) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (String entry : ENTRIES) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                jar.closeEntry();
            }
        }
        return path;
    }
}

package kh.gov.spean.cli;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the class list a first run wrote ({@code -XX:DumpLoadedClassList}) down to what the static class-data archive
 * may hold: every class but those a multi-release jar on the class path keeps under {@code META-INF/versions/}. Java
 * 17 archives such a class, but a JVM started from the archive with a class file load hook (a JFR recording, a Java
 * agent) crashes as it loads it (SIGSEGV in {@code KlassFactory::check_shared_class_file_load_hook}, Bouncy Castle's
 * {@code DRBGSpis} the first); left out, the class is loaded from its jar (decision 0024). {@code spean} runs it
 * between the first run and the dump: {@code ArchivableClasses LIST OUT}.
 */
public final class ArchivableClasses {

    private static final Pattern VERSIONED_CLASS = Pattern.compile("META-INF/versions/\\d+/(.+)\\.class");

    private ArchivableClasses() {
    }

    public static void main(String[] arguments) throws IOException {
        if (arguments.length != 2) {
            System.err.println("usage: ArchivableClasses CLASS_LIST OUT");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(arguments[0]), StandardCharsets.UTF_8);
        Files.write(Path.of(arguments[1]), archivable(lines, versionedOnClassPath()), StandardCharsets.UTF_8);
    }

    /**
     * The class list's lines less those naming a versioned class: its own line, and the {@code @lambda-proxy} lines
     * whose caller it is (the dump would load it for them).
     */
    static List<String> archivable(List<String> classList, Set<String> versioned) {
        return classList.stream().filter(line -> !versioned.contains(classNamed(line))).toList();
    }

    /** The names (as the class list writes them, {@code a/b/C}) of the classes a multi-release jar keeps under a version. */
    static Set<String> versionedClasses(JarFile jar) throws IOException {
        Set<String> names = new HashSet<>();
        Manifest manifest = jar.getManifest();
        if (manifest == null || !"true".equalsIgnoreCase(manifest.getMainAttributes()
                .getValue(Attributes.Name.MULTI_RELEASE))) {
            return names;
        }
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            Matcher versionedClass = VERSIONED_CLASS.matcher(entries.nextElement().getName());
            if (versionedClass.matches()) {
                names.add(versionedClass.group(1));
            }
        }
        return names;
    }

    /** The versioned classes of every jar the application class loader reads: {@code spean.jar} and its {@code lib/}. */
    private static Set<String> versionedOnClassPath() throws IOException {
        Set<String> names = new HashSet<>();
        Enumeration<URL> manifests = ClassLoader.getSystemClassLoader().getResources(JarFile.MANIFEST_NAME);
        while (manifests.hasMoreElements()) {
            URL manifest = manifests.nextElement();
            if (manifest.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    names.addAll(versionedClasses(jar));
                }
            }
        }
        return names;
    }

    /** The class a line names: a class on its own, the caller of a {@code @lambda-proxy}; none for other lines. */
    private static String classNamed(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return "";
        }
        String[] words = line.split(" ", 3);
        if (line.startsWith("@")) {
            return words[0].equals("@lambda-proxy") && words.length > 1 ? words[1] : "";
        }
        return words[0];
    }
}

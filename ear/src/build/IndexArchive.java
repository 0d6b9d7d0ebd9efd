import org.jboss.jandex.IndexWriter;
import org.jboss.jandex.Indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step of the EAR (run by the ear module at {@code package}): adds an annotation index
 * ({@code META-INF/jandex.idx}, Jandex's format) to every jar inside the EAR, and inside the WARs it holds, that has
 * none.
 *
 * <p>WildFly reads each jar's index when it has one; otherwise it reads every class of the jar at every deployment to
 * build it. The EAR's jars hold about 20,000 classes (ICU, the FEEL engine, the BPMN engine, PDFBox), so a start
 * spent about 2.5 s of the 20 s of P5 reading them. The index is the same one WildFly would build: Jandex at the
 * version of the provisioned server, over the same classes (a jar's own, not those of {@code META-INF/versions}).
 *
 * <p>The libraries' indexed copies are kept in a cache folder by the SHA-256 of the jar as packaged, so a build that
 * changes only the application's code indexes only its own jars (about 3 s for the step, against 8 s without the
 * cache on two cores).
 *
 * <p>Usage: {@code java -cp jandex.jar IndexArchive path/to/app.ear CACHE_FOLDER}. Rewrites the file in place; the
 * entries it does not add keep their names and content.
 */
public final class IndexArchive {

    private static final String INDEX = "META-INF/jandex.idx";

    private final Path cache;
    private int indexed;
    private int cached;
    private int classes;

    private IndexArchive(Path cache) {
        this.cache = cache;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IndexArchive ARCHIVE.ear CACHE_FOLDER");
        }
        Path archive = Path.of(args[0]);
        IndexArchive step = new IndexArchive(Files.createDirectories(Path.of(args[1])));
        step.treat(archive, false);
        System.out.println("Annotation indexes added to " + (step.indexed + step.cached) + " jars of "
                + archive.getFileName() + " (" + step.classes + " classes indexed, " + step.cached
                + " jars from the cache)");
    }

    /**
     * Adds the index to {@code archive} when {@code indexHere} and it has none, and treats every jar and WAR inside it
     * the same way; true when the file changed. Java's zip file system copies the entries it does not change as they
     * are (nothing inflated and deflated again). An archive it puts back is deflated like the rest: ShrinkWrap's
     * importer (the tests' WAR) reads a zip as a stream, which cannot hold a stored entry written this way.
     */
    private boolean treat(Path archive, boolean indexHere) throws IOException {
        Indexer indexer = indexHere ? new Indexer() : null;
        boolean hasIndex = false;
        int own = 0;
        List<String> nested = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                hasIndex |= name.equals(INDEX);
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.endsWith(".jar") || name.endsWith(".war")) {
                    nested.add(name);
                } else if (indexer != null && name.endsWith(".class") && !name.startsWith("META-INF/")
                        && !name.endsWith("module-info.class")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        indexer.index(in);
                    }
                    own++;
                }
            }
        }
        boolean addIndex = indexer != null && !hasIndex && own > 0;
        if (nested.isEmpty() && !addIndex) {
            return false;
        }
        boolean changed = addIndex;
        try (FileSystem files = FileSystems.newFileSystem(archive)) {
            for (String name : nested) {
                Path inner = Files.createTempFile("continuum-index-", ".zip");
                try {
                    Files.copy(files.getPath(name), inner, StandardCopyOption.REPLACE_EXISTING);
                    if (treatNested(name, inner)) {
                        Files.copy(inner, files.getPath(name), StandardCopyOption.REPLACE_EXISTING);
                        changed = true;
                    }
                } finally {
                    Files.deleteIfExists(inner);
                }
            }
            if (addIndex) {
                Files.createDirectories(files.getPath("META-INF"));
                try (OutputStream out = Files.newOutputStream(files.getPath(INDEX))) {
                    new IndexWriter(out).write(indexer.complete());
                }
                indexed++;
                classes += own;
            }
        }
        return changed;
    }

    /**
     * A nested jar or WAR. A library (under {@code lib/}) comes from the cache when the same bytes were indexed before:
     * {@code run.sh} builds at every start, and only the application's own jars change between two builds.
     */
    private boolean treatNested(String name, Path inner) throws IOException {
        boolean library = name.startsWith("lib/") || name.startsWith("WEB-INF/lib/");
        if (!library) {
            return treat(inner, name.endsWith(".jar"));
        }
        String key = sha256(inner);
        Path indexedCopy = cache.resolve(key + ".jar");
        Path unchanged = cache.resolve(key + ".unchanged");
        if (Files.exists(indexedCopy)) {
            Files.copy(indexedCopy, inner, StandardCopyOption.REPLACE_EXISTING);
            cached++;
            return true;
        }
        if (Files.exists(unchanged)) {
            return false;
        }
        boolean changed = treat(inner, name.endsWith(".jar"));
        Path next = Files.createTempFile(cache, key, ".part");
        if (changed) {
            Files.copy(inner, next, StandardCopyOption.REPLACE_EXISTING);
            Files.move(next, indexedCopy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(next, unchanged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return changed;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

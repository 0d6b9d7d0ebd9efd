import org.jboss.jandex.IndexWriter;
import org.jboss.jandex.Indexer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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
 * <p>Usage: {@code java -cp jandex.jar IndexArchive path/to/app.ear}. Rewrites the file in place; entries keep their
 * order, names and times.
 */
public final class IndexArchive {

    private static final String INDEX = "META-INF/jandex.idx";

    private int indexed;
    private int classes;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: IndexArchive ARCHIVE.ear");
        }
        Path archive = Path.of(args[0]);
        IndexArchive step = new IndexArchive();
        byte[] rewritten = step.rewrite(Files.readAllBytes(archive), false);
        Path next = archive.resolveSibling(archive.getFileName() + ".indexed");
        Files.write(next, rewritten);
        Files.move(next, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Annotation indexes added to " + step.indexed + " jars of " + archive.getFileName() + " ("
                + step.classes + " classes)");
    }

    /** The archive with its nested jars and WARs rewritten, and its own index added when {@code indexHere}. */
    private byte[] rewrite(byte[] archive, boolean indexHere) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(archive.length + archive.length / 8);
        Indexer indexer = indexHere ? new Indexer() : null;
        boolean hasIndex = false;
        long lastTime = 0;
        int own = 0;
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (!names.add(name)) {
                    continue; // a duplicate entry: the first one is what a class loader sees
                }
                byte[] content = in.readAllBytes();
                hasIndex |= name.equals(INDEX);
                lastTime = Math.max(lastTime, entry.getTime());
                if (!entry.isDirectory() && (name.endsWith(".jar") || name.endsWith(".war"))) {
                    content = rewrite(content, name.endsWith(".jar"));
                } else if (indexer != null && name.endsWith(".class") && !name.startsWith("META-INF/")
                        && !name.endsWith("module-info.class")) {
                    indexer.index(new ByteArrayInputStream(content));
                    own++;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
            if (indexer != null && !hasIndex && own > 0) {
                ZipEntry index = new ZipEntry(INDEX);
                index.setTime(lastTime);
                out.putNextEntry(index);
                new IndexWriter(out).write(indexer.complete());
                out.closeEntry();
                indexed++;
                classes += own;
            }
        }
        return bytes.toByteArray();
    }
}

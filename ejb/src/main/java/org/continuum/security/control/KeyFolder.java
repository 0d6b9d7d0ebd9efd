package org.continuum.security.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The folder that holds the keysets. It is resolved from {@code continuum.keys.dir}, else
 * {@code <continuum.data.dir>/keys}; with neither set the application refuses to start rather than invent a place.
 * A missing keyset is generated on first start and written readable by the server's user only; whether a missing
 * keyset may be generated at all is {@link KeyGuard}'s decision (never against sealed data).
 */
public final class KeyFolder {

    public static final String KEYS_DIR_PROPERTY = "continuum.keys.dir";
    public static final String DATA_DIR_PROPERTY = "continuum.data.dir";

    private final Path dir;

    public KeyFolder(Path dir) {
        this.dir = dir;
    }

    public static KeyFolder fromSystemProperties() {
        String keys = System.getProperty(KEYS_DIR_PROPERTY);
        if (keys != null && !keys.isBlank()) {
            return new KeyFolder(Path.of(keys));
        }
        String data = System.getProperty(DATA_DIR_PROPERTY);
        if (data != null && !data.isBlank()) {
            return new KeyFolder(Path.of(data, "keys"));
        }
        throw new IllegalStateException("No key folder configured: set -D" + KEYS_DIR_PROPERTY
                + "=/path/to/keys (production) or -D" + DATA_DIR_PROPERTY + "=/path/to/data (embedded default)");
    }

    public Path dir() {
        return dir;
    }

    /** Reads the named keyset, or creates it with {@code generator} when it does not exist yet. */
    public String readOrCreate(String name, Supplier<String> generator) {
        Path file = dir.resolve(name);
        try {
            Optional<String> existing = read(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            Files.createDirectories(dir);
            String generated = generator.get();
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            restrict(tmp);
            Files.writeString(tmp, generated, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
                return read(file).orElseThrow();
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create keyset " + file, e);
        }
    }

    /** Whether the folder holds the named file. */
    public boolean holds(String name) {
        return Files.exists(dir.resolve(name));
    }

    /** Replaces the named file at once (a reader sees the old content or the new one, never a part). */
    public void replace(String name, String content) {
        Path file = dir.resolve(name);
        try {
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            restrict(tmp);
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + file, e);
        }
    }

    /** Marks a rotation whose new files are all written: from here on it is finished, even after a crash. */
    static final String ROTATION_COMMIT = "rotation.commit";
    /** The suffix of a file written by a rotation, not yet in place. */
    static final String NEXT = ".next";

    /**
     * Writes the new versions of several files as a unit: each goes to {@code name.next}, then a commit mark is made,
     * then each replaces its file and the mark goes. A crash before the mark leaves the old files in use (the next
     * start deletes the {@code .next} files); a crash after it is finished by the next start ({@link #finishRotation}).
     */
    public void replaceAll(java.util.Map<String, String> contents) {
        try {
            for (var file : contents.entrySet()) {
                Path tmp = Files.createTempFile(dir, file.getKey(), ".tmp");
                restrict(tmp);
                Files.writeString(tmp, file.getValue(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.SYNC);
                Files.move(tmp, dir.resolve(file.getKey() + NEXT), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Path mark = dir.resolve(ROTATION_COMMIT);
            Files.writeString(mark, String.join("\n", contents.keySet()), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.SYNC);
            finishRotation();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the new keys into " + dir, e);
        }
    }

    /**
     * Finishes a rotation a crash interrupted after its commit mark (every {@code .next} file takes its place), or
     * forgets one interrupted before it (the {@code .next} files are deleted). Nothing to do on a folder at rest.
     */
    public void finishRotation() {
        Path mark = dir.resolve(ROTATION_COMMIT);
        try {
            if (!Files.isDirectory(dir)) {
                return;
            }
            boolean committed = Files.exists(mark);
            try (var files = Files.list(dir)) {
                for (Path next : files.filter(f -> f.getFileName().toString().endsWith(NEXT)).toList()) {
                    String name = next.getFileName().toString();
                    Path target = dir.resolve(name.substring(0, name.length() - NEXT.length()));
                    if (committed) {
                        Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.delete(next);
                    }
                }
            }
            Files.deleteIfExists(mark);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the key rotation in " + dir, e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other non-POSIX file systems: rely on the folder's ACLs.
        }
    }
}

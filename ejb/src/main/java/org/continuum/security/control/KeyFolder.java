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

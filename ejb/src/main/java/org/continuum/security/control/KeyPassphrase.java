package org.continuum.security.control;

import org.continuum.platform.control.DemoMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the passphrase of the {@link MasterKey} comes from, never from a {@code -D} value (a command line is visible
 * to every user of the machine in {@code ps}):
 * <ol>
 *   <li>the environment variable {@code CONTINUUM_KEYS_PASSPHRASE};</li>
 *   <li>the file named by {@code -Dcontinuum.keys.passphraseFile} (the name is not secret; the file is, readable by
 *       the server's user only, and outside the key folder: a passphrase beside the keys it protects protects
 *       nothing);</li>
 *   <li>the demo only ({@code -Dcontinuum.demo=true}): {@code demo-keys-passphrase} beside the key folder, made on
 *       first start, so that {@code run.sh} asks the newcomer nothing. Never read with the demo off.</li>
 * </ol>
 * With none of them the start is refused. Outside the demo the passphrase has at least {@value #MIN_LENGTH}
 * characters.
 */
public final class KeyPassphrase {

    public static final String ENVIRONMENT = "CONTINUUM_KEYS_PASSPHRASE";
    public static final String FILE_PROPERTY = "continuum.keys.passphraseFile";
    static final String DEMO_FILE = "demo-keys-passphrase";
    static final int MIN_LENGTH = 16;

    private KeyPassphrase() {
    }

    /** The passphrase for the key folder {@code keys}, from this process's environment and properties. */
    public static char[] resolve(Path keys) {
        return resolve(keys, System::getenv, System::getProperty, DemoMode.on());
    }

    static char[] resolve(Path keys, UnaryOperator<String> environment, UnaryOperator<String> properties,
                          boolean demo) {
        String fromEnvironment = environment.apply(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return checked(fromEnvironment, "the environment variable " + ENVIRONMENT, demo);
        }
        String file = properties.apply(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!demo) {
                refuseUnsafeFile(path, keys);
            }
            return checked(read(path), "the file " + path, demo);
        }
        if (demo) {
            return demoPassphrase(keys.toAbsolutePath().resolveSibling(DEMO_FILE));
        }
        throw new IllegalStateException("Refusing to start: the key folder " + keys + " needs a passphrase. Set the"
                + " environment variable " + ENVIRONMENT + ", or name a file that holds it with -D" + FILE_PROPERTY
                + "=/path (readable by the server's user only, outside the key folder). Keep it apart from the"
                + " backups of the keys: either alone opens nothing.");
    }

    private static char[] checked(String passphrase, String source, boolean demo) {
        if (!demo && passphrase.length() < MIN_LENGTH) {
            throw new IllegalStateException("Refusing to start: the keys passphrase from " + source + " has fewer than "
                    + MIN_LENGTH + " characters");
        }
        return passphrase.toCharArray();
    }

    private static void refuseUnsafeFile(Path file, Path keys) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(keys.toAbsolutePath().normalize())) {
            throw new IllegalStateException("Refusing to start: the keys passphrase file " + file + " is inside the key"
                    + " folder it protects; keep it elsewhere (a mounted secret, the service manager's credentials)");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(absolute);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalStateException("Refusing to start: the keys passphrase file " + file + " can be read by"
                        + " other users of this machine; make it readable by the server's user only (chmod 600)");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other non-POSIX file systems: rely on the folder's ACLs.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keys passphrase file " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keys passphrase file " + file, e);
        }
    }

    private static char[] demoPassphrase(Path file) {
        KeyFolder beside = new KeyFolder(file.getParent());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return beside.readOrCreate(file.getFileName().toString(), () -> HexFormat.of().formatHex(random)).strip()
                .toCharArray();
    }
}

package org.continuum.platform;

import jakarta.persistence.Entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every entity class compiled into this module, for the tests that check a rule on all of them. */
public final class MappedEntities {

    private MappedEntities() {
    }

    public static List<Class<?>> all() throws IOException {
        Path root = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name, false, MappedEntities.class.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(c -> c.isAnnotationPresent(Entity.class))
                    .toList();
        }
    }
}

package org.continuum.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Docker files cannot run here (no Docker engine on the development machines): this reads them as Docker would and
 * checks that what they pass reaches the server. Both compose files parse (anchors and merge keys resolved); every
 * service built from the Dockerfile names a server the Maven build provisions; every environment variable such a
 * service gets is read by the image's entrypoint or by the server; every {@code -D} setting is one the provisioned
 * server's configuration, its build scripts or the application's code reads.
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([a-zA-Z0-9._-]+)=");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static String dockerfile;
    private static String serverReads;

    @BeforeAll
    static void readTheServer() throws IOException {
        dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        StringBuilder all = new StringBuilder();
        all.append(Files.readString(ROOT.resolve("ear/target/server/standalone/configuration/standalone.xml")));
        try (Stream<Path> scripts = Files.list(ROOT.resolve("ear/src/main/wildfly"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".cli")).toList()) {
                all.append(Files.readString(script));
            }
        }
        for (String module : List.of("ejb", "web", "workflow")) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(source));
                }
            }
        }
        serverReads = all.toString();
    }

    @Test
    void theSingleServerComposeFilePassesOnlySettingsTheServerReads() throws IOException {
        assertThat(problems("docker/compose.yaml")).isEmpty();
    }

    @Test
    void theClusterComposeFilePassesOnlySettingsTheServerReads() throws IOException {
        Map<String, Object> compose = load("docker/compose-cluster.yaml");
        assertThat(services(compose).keySet()).contains("postgres", "node1", "node2", "balancer", "mail");
        assertThat(problems("docker/compose-cluster.yaml")).isEmpty();
        // The two nodes differ in their names and nothing else the cluster needs.
        assertThat(environment(services(compose).get("node1")).get("CONTINUUM_NODE_NAME")).isEqualTo("node1");
        assertThat(environment(services(compose).get("node2")).get("CONTINUUM_NODE_NAME")).isEqualTo("node2");
        String balancer = Files.readString(ROOT.resolve("docker/haproxy.cfg"));
        assertThat(balancer).contains("server node1 node1:8080", "server node2 node2:8080");
    }

    @Test
    void aMisspelledSettingIsCaught() {
        assertThat(unread(Map.of("CONTINUUM_SERVER_OPTS", "-Dcontinuum.cluster.membres=node1[7600]"), "node"))
                .containsExactly("node: -Dcontinuum.cluster.membres is read by nothing");
        assertThat(unread(Map.of("CONTINUUM_DB_PASWORD", "x"), "node"))
                .containsExactly("node: environment variable CONTINUUM_DB_PASWORD is read by nothing");
    }

    private static List<String> problems(String file) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = services(load(file));
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            if (!(service.getValue().get("build") instanceof Map<?, ?> build)) {
                continue;
            }
            assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
            Object server = build.get("args") instanceof Map<?, ?> args ? args.get("SERVER") : null;
            if (server != null) {
                String pom = Files.readString(ROOT.resolve("ear/pom.xml"));
                if (!pom.contains("<provisioning-dir>" + server + "</provisioning-dir>")) {
                    problems.add(service.getKey() + ": the build provisions no server " + server);
                }
            }
            problems.addAll(unread(environment(service.getValue()), service.getKey()));
        }
        // The entrypoint's own settings.
        problems.addAll(unread(Map.of("ENTRYPOINT", dockerfile.substring(dockerfile.indexOf("ENTRYPOINT"))),
                "Dockerfile"));
        return problems;
    }

    /** What in a Continuum service's environment nothing reads. */
    private static List<String> unread(Map<String, String> environment, String service) {
        TreeSet<String> problems = new TreeSet<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            boolean read = name.equals("ENTRYPOINT") || readsVariable(dockerfile, name)
                    || serverReads.contains("env." + name) || serverReads.contains("\"" + name + "\"");
            if (!read) {
                problems.add(service + ": environment variable " + name + " is read by nothing");
            }
            Matcher m = SYSTEM_PROPERTY.matcher(variable.getValue());
            while (m.find()) {
                String property = m.group(1);
                if (!serverReads.contains("${" + property) && !serverReads.contains("\"" + property + "\"")) {
                    problems.add(service + ": -D" + property + " is read by nothing");
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private static boolean readsVariable(String text, String name) {
        Matcher m = SHELL_VARIABLE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(ROOT.resolve(file), StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (service.get("environment") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(k.toString(), v == null ? "" : v.toString()));
        }
        return environment;
    }
}

package org.continuum.platform.control;

/**
 * This server among the servers that share one database: WildFly's node name ({@code -Djboss.node.name}, the host
 * name by default), which a cluster requires to be different on every node. A node restarted after a crash is the
 * same node again, so it takes back at once the job leases it held (JobLeases) instead of waiting for them to expire.
 */
public final class ServerNode {

    public static final String ID = name();

    private ServerNode() {
    }

    private static String name() {
        String name = System.getProperty("jboss.node.name", "server");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}

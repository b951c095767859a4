package kg.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs an embedded Neo4j Community DBMS for kg's tests, CI and local use.
 *
 * <p>Contract (see ../../../../../start):
 * <ul>
 *   <li>Bolt on 127.0.0.1:$NEO4J_PORT (default 7687), no TLS; no HTTP connector.</li>
 *   <li>Auth off unless NEO4J_AUTH=neo4j/&lt;password&gt;; then the neo4j user has that
 *       password (no change required).</li>
 *   <li>Data and logs live in a fresh temp dir, deleted on exit; with KG_NEO4J_HOME=&lt;dir&gt;
 *       they live in that dir, which is kept, so that a server can be restarted on the data
 *       of one that was killed (crash-recovery tests).</li>
 *   <li>Prints "READY bolt://127.0.0.1:PORT" on stdout once Bolt accepts connections.</li>
 *   <li>Stops cleanly on SIGTERM/SIGINT and when its parent process dies.</li>
 * </ul>
 */
public final class Launcher {
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private static final Object LOCK = new Object();
    private static DatabaseManagementService dbms; // guarded by LOCK
    private static Path home; // guarded by LOCK
    private static boolean keepHome; // guarded by LOCK; home is KG_NEO4J_HOME: never deleted
    private static boolean stopped; // guarded by LOCK

    private Launcher() {}

    public static void main(String[] args) {
        int port;
        try {
            port = parsePort(System.getenv("NEO4J_PORT"));
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage());
            return;
        }
        String password;
        try {
            password = parseAuth(System.getenv("NEO4J_AUTH"));
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage());
            return;
        }

        // Clear message for the common failure; Neo4j's own bind error is verbose.
        if (!portFree(port)) {
            fail(1, "port 127.0.0.1:" + port + " is already in use (set NEO4J_PORT to another port)");
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::stop, "kg-neo4j-shutdown"));
        watchParent();

        OUT.println("kg-neo4j: starting Neo4j " + neo4jVersion() + " on 127.0.0.1:" + port
                + (password == null ? " (auth disabled)" : " (auth enabled)") + " ...");
        OUT.flush();

        try {
            synchronized (LOCK) {
                if (stopped) {
                    return;
                }
                String given = System.getenv("KG_NEO4J_HOME");
                if (given != null && !given.isEmpty()) {
                    home = Files.createDirectories(Path.of(given));
                    keepHome = true;
                } else {
                    home = Files.createTempDirectory("kg-neo4j-");
                }
                // Lets a supervisor remove the dir if it has to SIGKILL us.
                OUT.println("kg-neo4j: home " + home);
                OUT.flush();
                Map<String, String> cfg = new HashMap<>();
                cfg.put("server.bolt.enabled", "true");
                cfg.put("server.bolt.listen_address", "127.0.0.1:" + port);
                cfg.put("server.bolt.advertised_address", "127.0.0.1:" + port);
                cfg.put("server.bolt.tls_level", "DISABLED");
                cfg.put("server.memory.pagecache.size", "256m");
                cfg.put("dbms.security.auth_enabled", Boolean.toString(password != null));
                cfg.put("dbms.security.auth_minimum_password_length", "1");
                // Throwaway data: keep transaction logs small and skip preallocation.
                cfg.put("db.tx_log.preallocate", "false");
                cfg.put("db.tx_log.rotation.retention_policy", "false");
                // Netty's graceful shutdown defaults (5s quiet period per event loop group)
                // make every stop take ~10s; a throwaway test server needs none of that.
                cfg.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
                cfg.put("internal.dbms.bolt.netty_server_shutdown_timeout", "2s");
                cfg.put("internal.server.bolt.thread_pool_shutdown_wait_time", "2s");
                cfg.put("internal.server.bolt.connection_shutdown_wait_time", "2s");
                StringBuilder conf = new StringBuilder();
                cfg.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
                Path confFile = Files.createDirectories(home.resolve("conf")).resolve("neo4j.conf");
                Files.writeString(confFile, conf.toString());
                dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(confFile).build();
                if (password != null) {
                    dbms.database("system").executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
                }
            }
        } catch (Throwable t) {
            fail(1, "failed to start Neo4j on 127.0.0.1:" + port + ": " + describe(t)
                    + (home != null ? " (see " + home.resolve("logs").resolve("debug.log") + ")" : ""));
            return;
        }

        if (!waitForBolt(port, 120_000)) {
            fail(1, "Neo4j started but Bolt on 127.0.0.1:" + port + " does not accept connections");
            return;
        }
        OUT.println("kg-neo4j: READY bolt://127.0.0.1:" + port);
        OUT.flush();

        try {
            new CountDownLatch(1).await(); // run until a signal or the parent watcher ends the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int parsePort(String s) {
        if (s == null || s.isBlank()) {
            return 7687;
        }
        try {
            int p = Integer.parseInt(s.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException("invalid NEO4J_PORT '" + s + "'");
    }

    /** Returns the neo4j user's password, or null for auth disabled. */
    private static String parseAuth(String s) {
        if (s == null || s.isEmpty() || s.equals("none")) {
            return null;
        }
        if (s.startsWith("neo4j/") && s.length() > "neo4j/".length()) {
            return s.substring("neo4j/".length());
        }
        throw new IllegalArgumentException("invalid NEO4J_AUTH: want 'none' or 'neo4j/<password>'");
    }

    private static boolean portFree(int port) {
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitForBolt(int port, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Exits the JVM (running the shutdown hook) when the parent process goes away. */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        long ppid = parent.get().pid();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Optional<ProcessHandle> p = ProcessHandle.current().parent();
                if (p.isEmpty() || p.get().pid() != ppid || !p.get().isAlive()) {
                    ERR.println("kg-neo4j: parent process " + ppid + " is gone; stopping");
                    ERR.flush();
                    System.exit(0);
                }
            }
        }, "kg-neo4j-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void stop() {
        synchronized (LOCK) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (dbms != null) {
                try {
                    dbms.shutdown();
                } catch (Throwable t) {
                    ERR.println("kg-neo4j: error during shutdown: " + describe(t));
                }
                dbms = null;
            }
            if (home != null && !keepHome) {
                deleteTree(home);
            }
            home = null;
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            ERR.println("kg-neo4j: could not delete " + root + ": " + e);
        }
    }

    private static String neo4jVersion() {
        String v = DatabaseManagementService.class.getPackage().getImplementationVersion();
        return v != null ? v : "(unknown version)";
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("\n  caused by: ").append(c);
        }
        return sb.toString();
    }

    private static void fail(int code, String msg) {
        ERR.println("kg-neo4j: error: " + msg);
        ERR.flush();
        System.exit(code); // runs the shutdown hook, which removes the temp dir
    }
}

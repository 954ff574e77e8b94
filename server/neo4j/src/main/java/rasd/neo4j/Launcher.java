package rasd.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs an embedded Neo4j Community DBMS for Rasd with only the Bolt connector,
 * bound to 127.0.0.1, authentication on. The neo4j user's password is read from
 * a file (created by the Node side, mode 0600) and set on every start, so the
 * file is the single source of truth. Prints one READY line on stdout once Bolt
 * accepts connections and shuts the DBMS down cleanly on SIGTERM/SIGINT.
 *
 * Usage: Launcher --home DIR --port N --password-file FILE [--pagecache 512m]
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path home = Path.of(require(opts, "home")).toAbsolutePath();
    int port = Integer.parseInt(require(opts, "port"));
    String password = Files.readString(Path.of(require(opts, "password-file")), StandardCharsets.UTF_8).trim();
    long pageCache = parseBytes(opts.getOrDefault("pagecache", "512m"));

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "rasd-neo4j-shutdown"));

    // The embedded API talks to the system database without authentication, so
    // this is where the Bolt password is set (no "change on first login").
    dbms.database("system").executeTransactionally(
        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));

    System.out.println("RASD_NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String name) {
    String value = opts.get(name);
    if (value == null || value.isBlank()) throw new IllegalArgumentException("missing --" + name);
    return value;
  }

  private static long parseBytes(String text) {
    String t = text.trim().toLowerCase();
    long unit = 1;
    if (t.endsWith("g")) unit = 1L << 30;
    else if (t.endsWith("m")) unit = 1L << 20;
    else if (t.endsWith("k")) unit = 1L << 10;
    String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
    return Long.parseLong(digits) * unit;
  }
}

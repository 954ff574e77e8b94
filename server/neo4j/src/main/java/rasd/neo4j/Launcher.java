package rasd.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs an embedded Neo4j Community DBMS for Rasd with only the Bolt connector,
 * bound to 127.0.0.1, authentication on. The neo4j user's password is read from
 * a file (created by the Node side, mode 0600), so the file is the single source
 * of truth: it is applied when it differs from the one last applied to this
 * store (a new store, or a changed NEO4J_PASSWORD). Prints one READY line on
 * stdout once setup is done and shuts the DBMS down cleanly on SIGTERM/SIGINT.
 * Any setup failure prints "RASD_NEO4J_FAILED <message>" on stderr and exits 1
 * (after a clean shutdown), so a half-set-up JVM never lingers.
 *
 * Usage: Launcher --home DIR --port N --password-file FILE [--pagecache 512m]
 */
public final class Launcher {
  private Launcher() {}

  /** Where the SHA-256 of the password last applied to this store is kept (inside the DBMS home). */
  private static final String APPLIED_PASSWORD_FILE = "rasd-password.sha256";

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable error) {
      System.err.println("RASD_NEO4J_FAILED " + describe(error));
      System.err.flush();
      // Runs the shutdown hook (a clean DBMS shutdown when it was built), then exits non-zero.
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path home = Path.of(require(opts, "home")).toAbsolutePath();
    int port = Integer.parseInt(require(opts, "port"));
    String password = Files.readString(Path.of(require(opts, "password-file")), StandardCharsets.UTF_8).trim();
    if (password.isEmpty()) throw new IllegalArgumentException("the password file is empty");
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

    applyPassword(dbms.database("system"), home.resolve(APPLIED_PASSWORD_FILE), password);

    System.out.println("RASD_NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  /**
   * The embedded API talks to the system database without authentication, so
   * this is where the Bolt password is set (no "change on first login"). Neo4j
   * refuses to set the password it already has, so it is set only when its hash
   * differs from the one recorded after the last change. The current password is
   * then unknown (a new store's default, an older one, or this one when a crash
   * came between the change and the record), so it is first set to a random one,
   * which makes the second change always a real change.
   */
  private static void applyPassword(GraphDatabaseService system, Path record, String password) throws Exception {
    String hash = sha256(password);
    if (Files.exists(record) && Files.readString(record, StandardCharsets.UTF_8).trim().equals(hash)) return;
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    setPassword(system, Base64.getUrlEncoder().encodeToString(random));
    setPassword(system, password);
    Path temp = record.resolveSibling(APPLIED_PASSWORD_FILE + ".tmp");
    Files.writeString(temp, hash + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file holds only a hash; the folder's permissions apply.
    }
    Files.move(temp, record, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void setPassword(GraphDatabaseService system, String password) {
    system.executeTransactionally(
        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
  }

  private static String sha256(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    return (message == null || message.isBlank() ? error.getClass().getName() : message).replace('\n', ' ');
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

package dev.berth.export;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * HTTP basic authentication against bcrypt hashes ({@link WebConfig#users}), as Prometheus's exporter-toolkit
 * checks them: an unknown user costs the same bcrypt comparison as a known one (against a fixed hash), so the
 * answer's time does not tell which users exist; and a user, password and hash that passed once are remembered
 * (by their SHA-256), so a scraper every second costs one bcrypt comparison, not one per scrape.
 *
 * <p>Thread-safe.
 */
final class BcryptAuthenticator extends BasicAuthenticator {
    /** Compared against when the user is unknown; no password matches it ("$2y$10$" plus 53 characters). */
    private static final String NOBODY = "$2y$10$" + "QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";
    private static final int CACHE_MAX = 256;

    private final Map<String, String> users;
    private final Set<String> passed = ConcurrentHashMap.newKeySet();

    BcryptAuthenticator(Map<String, String> users) {
        super("berth");
        this.users = Map.copyOf(users);
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        String hash = users.get(user);
        String key = digest(user, password, hash == null ? NOBODY : hash);
        if (hash != null && passed.contains(key)) {
            return true;
        }
        boolean ok = BCrypt.checkpw(password, hash == null ? NOBODY : hash) && hash != null;
        if (ok) {
            if (passed.size() >= CACHE_MAX) {
                passed.clear();
            }
            passed.add(key);
        }
        return ok;
    }

    private static String digest(String user, String password, String hash) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {user, password, hash}) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.postbox.jms.engine;

import dev.postbox.jms.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks the user name and password of new connections against the stored users (salted PBKDF2 hashes)
 * when the broker requires authentication; otherwise credentials are taken as given, unchecked (the
 * default, as with a broker whose security is disabled). Successful checks are remembered briefly, so that
 * applications opening many connections with the same credentials pay the hashing cost once (a deleted user
 * or changed password therefore takes up to five minutes to lock out a node that checked it lately).
 */
public final class Authenticator {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final Supplier<UserStore> users;
    private final boolean required;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    /**
     * An authenticator on the broker's users.
     *
     * @param required when true, every connection must present a stored user's name and password
     */
    public Authenticator(Supplier<UserStore> users, boolean required) {
        this.users = users;
        this.required = required;
    }

    /**
     * Checks credentials.
     *
     * @throws EngineException.Security when they are refused (the message never says whether the user exists)
     */
    public void authenticate(String user, String password) {
        if (!required) {
            return;
        }
        if (user == null || user.isEmpty()) {
            throw new EngineException.Security("Authentication required: create the connection with a user"
                    + " name and password");
        }
        String key = user + '\u0000' + digest(password);
        Long until = verified.get(key);
        if (until != null && until - System.nanoTime() > 0) {
            return;
        }
        Optional<String> stored = users.get().passwordHash(user);
        if (stored.isEmpty() || password == null || !matches(password, stored.get())) {
            throw new EngineException.Security("Authentication failed for user " + user);
        }
        verified.put(key, System.nanoTime() + REMEMBER.toNanos());
    }

    /** The stored form of a password: {@code pbkdf2-sha256$iterations$salt$hash} (Base64). */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
        }
    }

    private static String digest(String password) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

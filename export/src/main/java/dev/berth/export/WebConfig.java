package dev.berth.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The endpoint's TLS and basic authentication, from a file in the format of Prometheus's exporter-toolkit
 * ({@code --web.config.file} of node_exporter and the other official exporters), so one file serves both:
 * <pre>
 * tls_server_config:
 *   cert_file: server.crt     # PEM, the server certificate first, then any intermediates
 *   key_file: server.key      # PEM, PKCS#8 ("BEGIN PRIVATE KEY"): RSA, EC or Ed25519
 * basic_auth_users:
 *   alice: $2y$10$...         # bcrypt, as htpasswd -nBC 10 alice writes it
 * </pre>
 * Relative file names are resolved against the directory of the config file, as exporter-toolkit does. Only these
 * keys are read; any other (exporter-toolkit's {@code client_auth_type}, {@code min_version}, {@code http_server_config},
 * ...) is refused by name rather than ignored, so that no setting the operator wrote silently does nothing. Every
 * file is read and checked when the config is read (the key must sign what the certificate's key verifies), so a
 * bad file stops berth at start, not at the first scrape. Immutable.
 *
 * @param tls   the TLS context, when {@code tls_server_config} is given
 * @param users bcrypt hash by user name; empty for no authentication
 */
public record WebConfig(Optional<SSLContext> tls, Map<String, String> users) {
    private static final Set<String> TOP = Set.of("tls_server_config", "basic_auth_users");
    private static final Set<String> TLS = Set.of("cert_file", "key_file");
    /** A bcrypt hash as htpasswd and Go's x/crypto/bcrypt write it: {@code $2a$}, {@code $2b$} or {@code $2y$}, cost, 53 characters. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");

    public WebConfig {
        users = Map.copyOf(users);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws ExportException in one line naming the file, the key and what would be accepted
     */
    public static WebConfig read(Path file) throws ExportException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException("cannot read web config " + file + ": " + reason(e), e);
        }
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new ExportException("web config " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null) {
            return new WebConfig(Optional.empty(), Map.of());
        }
        Map<String, Object> top = map(file, "the top level", root, TOP);
        Optional<SSLContext> tls = Optional.empty();
        if (top.containsKey("tls_server_config")) {
            Map<String, Object> t = map(file, "tls_server_config", top.get("tls_server_config"), TLS);
            Path dir = file.toAbsolutePath().getParent();
            Path cert = dir.resolve(string(file, "tls_server_config.cert_file", t.get("cert_file")));
            Path key = dir.resolve(string(file, "tls_server_config.key_file", t.get("key_file")));
            tls = Optional.of(sslContext(file, cert, key));
        }
        Map<String, String> users = new LinkedHashMap<>();
        if (top.containsKey("basic_auth_users")) {
            Map<String, Object> u = map(file, "basic_auth_users", top.get("basic_auth_users"), null);
            if (u.isEmpty()) {
                throw new ExportException("web config " + file + ": basic_auth_users is empty (give user: bcrypt hash "
                        + "pairs, or leave the key out for no authentication)", null);
            }
            for (Map.Entry<String, Object> e : u.entrySet()) {
                String hash = string(file, "basic_auth_users." + e.getKey(), e.getValue());
                Matcher m = BCRYPT.matcher(hash);
                if (!m.matches()) {
                    throw new ExportException("web config " + file + ": basic_auth_users." + e.getKey()
                            + " is not a bcrypt hash (expected $2y$, $2b$ or $2a$, a cost and 53 characters, as "
                            + "htpasswd -nBC 10 USER writes it)", null);
                }
                int cost = Integer.parseInt(m.group(1));
                if (cost < 4 || cost > 31) {
                    throw new ExportException("web config " + file + ": basic_auth_users." + e.getKey()
                            + " has bcrypt cost " + cost + ", expected 4 to 31", null);
                }
                users.put(e.getKey(), hash);
            }
        }
        return new WebConfig(tls, users);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Path file, String where, Object node, Set<String> allowed)
            throws ExportException {
        if (!(node instanceof Map<?, ?> m)) {
            throw new ExportException("web config " + file + ": " + where + " must be a mapping of keys to values",
                    null);
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String s) || (allowed != null && !allowed.contains(s))) {
                throw new ExportException("web config " + file + ": unsupported key '" + k + "' in " + where
                        + (allowed == null ? "" : " (berth reads " + String.join(", ", allowed.stream().sorted()
                                .toList()) + ")"), null);
            }
        }
        return (Map<String, Object>) m;
    }

    private static String string(Path file, String key, Object value) throws ExportException {
        if (!(value instanceof String s) || s.isEmpty()) {
            throw new ExportException("web config " + file + ": " + key + " must be a non-empty string", null);
        }
        return s;
    }

    private static SSLContext sslContext(Path config, Path certFile, Path keyFile) throws ExportException {
        List<X509Certificate> chain;
        try {
            chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile))).stream()
                    .map(c -> (X509Certificate) c).toList();
        } catch (IOException e) {
            throw new ExportException("cannot read cert_file " + certFile + ": " + reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new ExportException("cert_file " + certFile + " is not a PEM certificate: "
                    + firstLine(e.getMessage()), e);
        }
        if (chain.isEmpty()) {
            throw new ExportException("cert_file " + certFile + " holds no certificate (expected PEM, "
                    + "-----BEGIN CERTIFICATE-----)", null);
        }
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new ExportException("key_file " + keyFile + " is not the key of cert_file " + certFile, null);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("berth", key, none, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, none);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new ExportException("web config " + config + ": cannot use " + certFile + " and " + keyFile
                    + " for TLS: " + firstLine(e.getMessage()), e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws ExportException {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ExportException("cannot read key_file " + keyFile + ": " + reason(e), e);
        }
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find()) {
            throw new ExportException("key_file " + keyFile + " holds no PEM private key (expected -----BEGIN "
                    + "PRIVATE KEY-----)", null);
        }
        if (!m.group(1).isEmpty()) {
            throw new ExportException("key_file " + keyFile + " is a " + m.group(1).trim() + " key in its "
                    + "traditional form; berth reads PKCS#8 (-----BEGIN PRIVATE KEY-----): convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8", null);
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new ExportException("key_file " + keyFile + " is not an unencrypted RSA, EC or Ed25519 PKCS#8 key",
                null);
    }

    /** Whether {@code key} signs what {@code pub} verifies. */
    private static boolean matches(PrivateKey key, PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "berth web config".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;   // another algorithm than the certificate's
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return firstLine(String.valueOf(e.getMessage())).toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replaceAll("\\p{Cntrl}", "?");
    }
}

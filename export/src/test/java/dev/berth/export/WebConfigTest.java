package dev.berth.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class WebConfigTest {
    @TempDir
    Path dir;

    /** Copies the test key material (a self-signed RSA certificate for 127.0.0.1, its key, another key) to dir. */
    void fixtures() throws IOException {
        for (String f : new String[] {"server.crt", "server.key", "other.key", "server-traditional.key"}) {
            try (InputStream in = WebConfigTest.class.getResourceAsStream("/webconfig/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("web.yml"), yaml);
    }

    String message(String yaml) throws IOException {
        ExportException e = assertThrows(ExportException.class, () -> WebConfig.read(config(yaml)));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    /** A client that trusts only the test certificate. */
    static HttpClient trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("berth", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    static HttpResponse<String> get(HttpClient c, String url, String... userPassword) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (userPassword.length == 2) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (userPassword[0] + ":" + userPassword[1]).getBytes(StandardCharsets.UTF_8)));
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTlsWithTheConfiguredCertificateAndRelativePathsFromTheConfigsDirectory() throws Exception {
        fixtures();
        WebConfig web = WebConfig.read(config("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"));
        try (Exporter e = Exporter.start(new ListenAddress("127.0.0.1", 0), web)) {
            assertEquals("https", e.scheme());
            String url = "https://127.0.0.1:" + e.address().getPort() + "/metrics";
            HttpResponse<String> r = get(trusting(dir.resolve("server.crt")), url);
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("berth_samples_total 0"), r.body());
            // plain HTTP on the TLS port gets no metrics, and a client that does not trust the certificate fails
            assertThrows(IOException.class, () -> get(HttpClient.newHttpClient(), url.replace("https:", "http:")));
            assertThrows(SSLHandshakeException.class, () -> get(HttpClient.newHttpClient(), url));
        }
    }

    @Test
    void basicAuthChecksBcryptHashesOnEveryPath() throws Exception {
        String alice = BCrypt.hashpw("s3cret", BCrypt.gensalt("$2y", 4));
        String bob = BCrypt.hashpw("hunter2", BCrypt.gensalt("$2b", 4));
        WebConfig web = WebConfig.read(config("basic_auth_users:\n  alice: " + alice + "\n  bob: '" + bob + "'\n"));
        try (Exporter e = Exporter.start(new ListenAddress("127.0.0.1", 0), web)) {
            assertEquals("http", e.scheme());
            HttpClient c = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + e.address().getPort();
            assertEquals(401, get(c, base + "/metrics").statusCode());
            assertEquals(401, get(c, base + "/-/healthy").statusCode());
            assertEquals(401, get(c, base + "/metrics", "alice", "wrong").statusCode());
            assertEquals(401, get(c, base + "/metrics", "mallory", "s3cret").statusCode());
            assertEquals(401, get(c, base + "/metrics", "bob", "s3cret").statusCode());
            assertEquals(200, get(c, base + "/metrics", "alice", "s3cret").statusCode());
            assertEquals(200, get(c, base + "/metrics", "alice", "s3cret").statusCode()); // the remembered pass
            assertEquals(200, get(c, base + "/metrics", "bob", "hunter2").statusCode());
            assertEquals(401, get(c, base + "/metrics", "alice", "hunter2").statusCode());
        }
    }

    @Test
    void tlsAndBasicAuthTogether() throws Exception {
        fixtures();
        String hash = BCrypt.hashpw("pw", BCrypt.gensalt("$2a", 4));
        WebConfig web = WebConfig.read(config("tls_server_config:\n  cert_file: " + dir.resolve("server.crt")
                + "\n  key_file: server.key\nbasic_auth_users:\n  prom: " + hash + "\n"));
        try (Exporter e = Exporter.start(new ListenAddress("127.0.0.1", 0), web)) {
            HttpClient c = trusting(dir.resolve("server.crt"));
            String url = "https://127.0.0.1:" + e.address().getPort() + "/metrics";
            assertEquals(401, get(c, url).statusCode());
            assertEquals(200, get(c, url, "prom", "pw").statusCode());
        }
    }

    @Test
    void anEmptyFileMeansPlainHttpWithoutAuthentication() throws Exception {
        assertEquals(new WebConfig(java.util.Optional.empty(), Map.of()), WebConfig.read(config("")));
    }

    @Test
    void badConfigsAreOneLineNamingTheFileAndTheKey() throws Exception {
        fixtures();
        String f = dir.resolve("web.yml").toString();
        assertEquals("web config " + f + ": unsupported key 'http_server_config' in the top level (berth reads "
                + "basic_auth_users, tls_server_config)", message("http_server_config:\n  http2: false\n"));
        assertEquals("web config " + f + ": unsupported key 'client_auth_type' in tls_server_config (berth reads "
                + "cert_file, key_file)", message("tls_server_config:\n  cert_file: server.crt\n  key_file: "
                + "server.key\n  client_auth_type: RequireAndVerifyClientCert\n"));
        assertEquals("web config " + f + ": tls_server_config.key_file must be a non-empty string",
                message("tls_server_config:\n  cert_file: server.crt\n"));
        assertEquals("web config " + f + ": basic_auth_users.alice is not a bcrypt hash (expected $2y$, $2b$ or "
                + "$2a$, a cost and 53 characters, as htpasswd -nBC 10 USER writes it)",
                message("basic_auth_users:\n  alice: plaintext\n"));
        assertEquals("web config " + f + ": basic_auth_users is empty (give user: bcrypt hash pairs, or leave the "
                + "key out for no authentication)", message("basic_auth_users: {}\n"));
        assertEquals("web config " + f + ": the top level must be a mapping of keys to values", message("- a\n"));
        assertTrue(message("a: [\n").startsWith("web config " + f + " is not valid YAML: "));
        assertTrue(message("a: 1\na: 2\n").startsWith("web config " + f + " is not valid YAML: "));
        assertEquals("cannot read cert_file " + dir.resolve("missing.crt") + ": no such file",
                message("tls_server_config:\n  cert_file: missing.crt\n  key_file: server.key\n"));
        assertEquals("key_file " + dir.resolve("other.key") + " is not the key of cert_file " + dir.resolve("server.crt"),
                message("tls_server_config:\n  cert_file: server.crt\n  key_file: other.key\n"));
        assertEquals("key_file " + dir.resolve("server-traditional.key") + " is a RSA key in its traditional form; "
                + "berth reads PKCS#8 (-----BEGIN PRIVATE KEY-----): convert it with openssl pkcs8 -topk8 -nocrypt "
                + "-in KEY -out KEY.pk8",
                message("tls_server_config:\n  cert_file: server.crt\n  key_file: server-traditional.key\n"));
        assertEquals("key_file " + dir.resolve("server.crt") + " holds no PEM private key (expected -----BEGIN "
                + "PRIVATE KEY-----)", message("tls_server_config:\n  cert_file: server.crt\n  key_file: server.crt\n"));
        assertTrue(message("tls_server_config:\n  cert_file: server.key\n  key_file: server.key\n")
                .startsWith("cert_file " + dir.resolve("server.key") + " "));
        ExportException missing = assertThrows(ExportException.class, () -> WebConfig.read(dir.resolve("nope.yml")));
        assertEquals("cannot read web config " + dir.resolve("nope.yml") + ": no such file", missing.getMessage());
    }
}

package org.tallersocial.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for localhost, made fresh by the JDK's keytool in a
 * test's own directory (no private key is ever committed), written as the PEM
 * files nginx reads, and trusted by exactly the clients that are told about it.
 */
public final class TestCertificate {

    private final Path certificate;
    private final Path privateKey;
    private final X509Certificate x509;

    private TestCertificate(Path certificate, Path privateKey, X509Certificate x509) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.x509 = x509;
    }

    public static TestCertificate forLocalhost(Path dir) {
        Path store = dir.resolve("localhost.p12");
        String password = Long.toHexString(Double.doubleToLongBits(Math.random())) + "-test";
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            X509Certificate cert = (X509Certificate) keys.getCertificate("localhost");
            PrivateKey key = (PrivateKey) keys.getKey("localhost", password.toCharArray());
            Path certFile = dir.resolve("localhost.crt");
            Path keyFile = dir.resolve("localhost.key");
            Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            Files.delete(store);
            return new TestCertificate(certFile, keyFile, cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path certificate() {
        return certificate;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** TLS for Java clients that trust this certificate and nothing else. */
    public SSLContext trustingIt() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("localhost", x509);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Chromium switch that accepts this certificate's key, and only it, despite no CA vouching for it. */
    public String chromiumSwitch() {
        try {
            byte[] spki = MessageDigest.getInstance("SHA-256").digest(x509.getPublicKey().getEncoded());
            return "--ignore-certificate-errors-spki-list=" + Base64.getEncoder().encodeToString(spki);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

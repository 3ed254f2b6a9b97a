package org.parley.events.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 keys of the ledger's checkpoints (JDK only, no framework, so the command-line verifier can
 * use it). The signing key is a base64 PKCS#8 private key; its public key is derived from it. Earlier
 * public keys (base64 X.509) may be added so checkpoints signed before a key rotation still verify. A
 * key's id is the first 16 hex digits of the SHA-256 of its public key.
 */
public final class CheckpointKeys {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final Map<String, PublicKey> verifyKeys;

    private CheckpointKeys(PrivateKey signingKey, String signingKeyId, Map<String, PublicKey> verifyKeys) {
        this.signingKey = signingKey;
        this.signingKeyId = signingKeyId;
        this.verifyKeys = Map.copyOf(verifyKeys);
    }

    /** Keys that sign with {@code privateKeyBase64} and verify with its public key and the earlier ones. */
    public static CheckpointKeys signingWith(String privateKeyBase64, List<String> earlierPublicKeysBase64) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64.trim())));
            PublicKey publicKey = publicKeyOf(privateKey);
            Map<String, PublicKey> verify = new LinkedHashMap<>();
            String id = keyIdOf(publicKey);
            verify.put(id, publicKey);
            earlierPublicKeysBase64.forEach(key -> addPublic(verify, key));
            return new CheckpointKeys(privateKey, id, verify);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the key material itself in the message.
            throw new IllegalArgumentException("the ledger signing key is not a base64 PKCS#8 Ed25519 key");
        }
    }

    /** Keys that only verify (the command-line verifier given public keys). */
    public static CheckpointKeys verifyingWith(List<String> publicKeysBase64) {
        Map<String, PublicKey> verify = new LinkedHashMap<>();
        publicKeysBase64.forEach(key -> addPublic(verify, key));
        return new CheckpointKeys(null, null, verify);
    }

    /** A fresh private key, base64 PKCS#8: for dev and test key files, and to make a production key. */
    public static String generatePrivateKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17", e);
        }
    }

    /** Base64 signature of (sequence, hash) with the signing key. */
    public String sign(long sequence, String hash) {
        if (signingKey == null) {
            throw new IllegalStateException("these keys only verify");
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(signingKey);
            signature.update(LedgerHashing.checkpointPayload(sequence, hash));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a checkpoint failed", e);
        }
    }

    /** Whether the signature over (sequence, hash) is valid under the named key (false for an unknown key). */
    public boolean verify(String keyId, long sequence, String hash, String signatureBase64) {
        PublicKey key = verifyKeys.get(keyId);
        if (key == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(LedgerHashing.checkpointPayload(sequence, hash));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The ids of every key this verifies with: the signing key's and the earlier ones. */
    public java.util.Set<String> keyIds() {
        return verifyKeys.keySet();
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The signing key's public key, base64 X.509: give it to whoever runs the command-line verifier. */
    public String publicKeyBase64() {
        PublicKey key = signingKeyId == null ? null : verifyKeys.get(signingKeyId);
        return key == null ? null : Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static void addPublic(Map<String, PublicKey> keys, String base64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
            keys.put(keyIdOf(key), key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a ledger verify key is not a base64 X.509 Ed25519 public key");
        }
    }

    /**
     * The JDK has no call for "public key of this Ed25519 private key", but its generator derives the
     * pair from 32 random bytes: handing it the private key's own 32 bytes gives back the same pair.
     */
    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey)
                .getBytes()
                .orElseThrow(() -> new GeneralSecurityException("private key without its bytes"));
        SecureRandom replay = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        };
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, replay);
        return generator.generateKeyPair().getPublic();
    }

    private static String keyIdOf(PublicKey key) throws GeneralSecurityException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                .substring(0, 16);
    }
}

package org.continuum.report.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Pseudonyms for one export: a keyed HMAC of the case file (or grant) id under a random key that exists only while
 * the export is written. The same case gets the same pseudonym throughout the export and a different one in the next
 * export; a grant's pseudonym never equals a case's (the grant id is hashed with a marker).
 */
public final class ExportPseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ0123456789".toCharArray();
    private final Mac mac;

    public ExportPseudonyms() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** {@code P-XXXXXXXXXX} (50 bits), or empty for no case. */
    public String of(Long caseFileId) {
        return caseFileId == null ? "" : code("P-", (byte) 'C', caseFileId);
    }

    /** A grant's pseudonym for this export, {@code G-XXXXXXXXXX}: its reference would join exports together. */
    public String ofGrant(long grantId) {
        return code("G-", (byte) 'G', grantId);
    }

    private String code(String prefix, byte kind, long id) {
        ByteBuffer input = ByteBuffer.allocate(Long.BYTES + (kind == 'C' ? 0 : 1));
        if (kind != 'C') {
            input.put(kind);
        }
        byte[] digest = mac.doFinal(input.putLong(id).array());
        StringBuilder out = new StringBuilder(prefix);
        long bits = ByteBuffer.wrap(digest).getLong();
        for (int i = 0; i < 10; i++) {
            out.append(BASE32[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}

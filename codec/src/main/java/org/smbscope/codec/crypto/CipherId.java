package org.smbscope.codec.crypto;

import java.util.Optional;

/**
 * The SMB 3.x encryption algorithms, with their wire numbers in the ENCRYPTION_CAPABILITIES
 * negotiate context ([MS-SMB2] 2.2.3.1.2). SMB 3.0 and 3.0.2 always use {@link #AES_128_CCM}.
 */
public enum CipherId {
    AES_128_CCM(0x0001, 16, 11, "AES-128-CCM"),
    AES_128_GCM(0x0002, 16, 12, "AES-128-GCM"),
    AES_256_CCM(0x0003, 32, 11, "AES-256-CCM"),
    AES_256_GCM(0x0004, 32, 12, "AES-256-GCM");

    private final int wireValue;
    private final int keyLength;
    private final int nonceLength;
    private final String label;

    CipherId(int wireValue, int keyLength, int nonceLength, String label) {
        this.wireValue = wireValue;
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
        this.label = label;
    }

    /** The number in the negotiate context. */
    public int wireValue() {
        return wireValue;
    }

    /** Key length in bytes (16 or 32). */
    public int keyLength() {
        return keyLength;
    }

    /** Nonce length in bytes: 11 for CCM, 12 for GCM (the rest of the 16-byte field is zero). */
    public int nonceLength() {
        return nonceLength;
    }

    public boolean isGcm() {
        return this == AES_128_GCM || this == AES_256_GCM;
    }

    /** The name the spec uses, "AES-128-GCM". */
    public String label() {
        return label;
    }

    /** The algorithm with that wire number, or empty for one this implementation does not know. */
    public static Optional<CipherId> fromWire(int value) {
        for (CipherId c : values()) {
            if (c.wireValue == value) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

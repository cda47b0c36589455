package org.smbscope.codec.crypto;

import java.util.Optional;

/**
 * SMB2 signing algorithms with their wire numbers in the SIGNING_CAPABILITIES negotiate context
 * ([MS-SMB2] 2.2.3.1.7). 2.0.2 and 2.1 use HMAC-SHA256, 3.0 and 3.0.2 AES-CMAC, 3.1.1 AES-CMAC
 * unless AES-GMAC was negotiated.
 */
public enum SigningAlgorithm {
    HMAC_SHA256(0x0000, "HMAC-SHA256"),
    AES_CMAC(0x0001, "AES-128-CMAC"),
    AES_GMAC(0x0002, "AES-128-GMAC");

    private final int wireValue;
    private final String label;

    SigningAlgorithm(int wireValue, String label) {
        this.wireValue = wireValue;
        this.label = label;
    }

    public int wireValue() {
        return wireValue;
    }

    public String label() {
        return label;
    }

    public static Optional<SigningAlgorithm> fromWire(int value) {
        for (SigningAlgorithm a : values()) {
            if (a.wireValue == value) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The algorithm a dialect uses when no signing capability was negotiated. */
    public static SigningAlgorithm defaultFor(int dialect) {
        return dialect >= 0x0300 ? AES_CMAC : HMAC_SHA256;
    }
}

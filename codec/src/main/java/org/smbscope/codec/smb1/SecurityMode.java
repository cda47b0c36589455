package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;

/**
 * NEGOTIATE response SecurityMode. [MS-CIFS] 2.2.4.52.2: 0x01 user-level security, 0x02 encrypt
 * passwords (challenge/response), 0x04 signatures enabled, 0x08 signatures required. A server
 * answering 3 does not sign; 7 signs if the client does; 15 requires signing.
 */
public record SecurityMode(int value) {
    public static final int USER_SECURITY = 0x01;
    public static final int ENCRYPT_PASSWORDS = 0x02;
    public static final int SIGNATURES_ENABLED = 0x04;
    public static final int SIGNATURES_REQUIRED = 0x08;

    public SecurityMode {
        value &= 0xFF;
    }

    public boolean has(int bit) {
        return (value & bit) == bit;
    }

    public boolean userLevel() {
        return has(USER_SECURITY);
    }

    public boolean encryptPasswords() {
        return has(ENCRYPT_PASSWORDS);
    }

    public boolean signingEnabled() {
        return has(SIGNATURES_ENABLED);
    }

    public boolean signingRequired() {
        return has(SIGNATURES_REQUIRED);
    }

    /** "Mode, Password" style summary, as Wireshark prints it. */
    public String summary() {
        List<String> n = new ArrayList<>();
        if (userLevel()) n.add("Mode");
        if (encryptPasswords()) n.add("Password");
        if (signingEnabled()) n.add("Signatures Enabled");
        if (signingRequired()) n.add("Signatures Required");
        return String.join(", ", n);
    }

    /** What the value means for signing: 3, 7 and 15 explained. */
    public String explain() {
        String level = userLevel() ? "user-level security" : "share-level security";
        String pw = encryptPasswords() ? "challenge/response passwords" : "plaintext passwords";
        String sign = signingRequired() ? "signing required"
                : signingEnabled() ? "signing enabled (used if the client asks)" : "signing not offered";
        return level + ", " + pw + ", " + sign;
    }

    @Override
    public String toString() {
        return String.format("0x%02x", value) + (value == 0 ? "" : ", " + summary());
    }
}

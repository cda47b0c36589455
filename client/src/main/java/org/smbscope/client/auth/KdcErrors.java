package org.smbscope.client.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smbscope.codec.kerberos.ErrorCode;

/**
 * Finds the Kerberos error code in a JGSS / JAAS failure. The JDK reports a KRB-ERROR as a
 * {@code KrbException} whose message is "Server not found in Kerberos database (7) -
 * LOOKING_UP_SERVER", wrapped in a GSSException or LoginException ("Mechanism level: ..."); its
 * class is not exported, so the code is read from the messages along the cause chain. (Its
 * "Identifier doesn't match expected value (906)" causes are the JDK trying to parse the error
 * as a reply and are skipped: only codes the RFC defines count.)
 */
final class KdcErrors {
    private static final Pattern CODE = Pattern.compile("([A-Za-z][^()]*?) \\((\\d{1,3})\\)(?: - ([A-Z_0-9]+))?");

    private KdcErrors() {
    }

    static ErrorCode find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m == null) {
                continue;
            }
            Matcher x = CODE.matcher(m);
            while (x.find()) {
                ErrorCode code = new ErrorCode(Integer.parseInt(x.group(2)));
                if (!code.meaning().isEmpty() && code.value() != 0) {
                    return code;
                }
            }
        }
        return null;
    }

    /** The KDC's e-text if the JDK quoted it ("... (7) - LOOKING_UP_SERVER"), else null. */
    static String eText(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m == null) {
                continue;
            }
            Matcher x = CODE.matcher(m);
            while (x.find()) {
                if (x.group(3) != null) {
                    return x.group(3);
                }
            }
        }
        return null;
    }

    /** "KDC_ERR_S_PRINCIPAL_UNKNOWN (7): Server not found in Kerberos database [LOOKING_UP_SERVER]" or the message. */
    static String describe(Throwable t) {
        ErrorCode code = find(t);
        if (code == null) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String m = t.getMessage();
            String r = root.getMessage();
            return m == null ? t.toString() : (root == t || r == null || m.contains(r) ? m : m + ": " + r);
        }
        String et = eText(t);
        return code + ": " + code.meaning() + (et == null ? "" : " [" + et + "]");
    }
}

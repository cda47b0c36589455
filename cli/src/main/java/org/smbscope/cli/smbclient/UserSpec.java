package org.smbscope.cli.smbclient;

/**
 * Samba's {@code -U [domain/]user[%password]} (a backslash works as the separator too); the
 * password is {@code null} when not given.
 */
record UserSpec(String domain, String user, String password) {

    static UserSpec parse(String text) {
        String rest = text;
        String password = null;
        int pct = rest.indexOf('%');
        if (pct >= 0) {
            password = rest.substring(pct + 1);
            rest = rest.substring(0, pct);
        }
        String domain = "";
        int sep = Math.max(rest.indexOf('/'), rest.indexOf('\\'));
        if (sep >= 0) {
            domain = rest.substring(0, sep);
            rest = rest.substring(sep + 1);
        } else if (rest.indexOf('@') > 0) {
            int at = rest.lastIndexOf('@');
            domain = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        return new UserSpec(domain, rest, password);
    }
}

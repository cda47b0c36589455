package org.smbscope.codec.kerberos;

import java.util.List;

/**
 * A PrincipalName, RFC 4120 5.2.2: a name-type and its components; {@code cifs/fs.lab.test} is
 * the components {@code cifs} and {@code fs.lab.test}.
 */
public record PrincipalName(NameType type, List<String> components) {
    public PrincipalName {
        components = List.copyOf(components);
    }

    /** The components joined with '/', as klist shows them ({@code cifs/fs.lab.test}). */
    @Override
    public String toString() {
        return String.join("/", components);
    }

    /** {@code cifs/fs.lab.test@LAB.TEST}. */
    public String withRealm(String realm) {
        return realm == null || realm.isEmpty() ? toString() : this + "@" + realm;
    }

    /** Whether this is a ticket-granting service name ({@code krbtgt/REALM}). */
    public boolean isTgs() {
        return components.size() == 2 && components.get(0).equals("krbtgt");
    }
}

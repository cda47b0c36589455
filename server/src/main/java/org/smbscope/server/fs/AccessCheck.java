package org.smbscope.server.fs;

import org.smbscope.codec.dtyp.Ace;
import org.smbscope.codec.dtyp.Acl;
import org.smbscope.codec.dtyp.Sid;
import org.smbscope.codec.dtyp.WellKnownSids;
import org.smbscope.server.tree.SecurityToken;

/**
 * The access check of [MS-DTYP] 2.5.3.2 on one descriptor, in its MAXIMUM_ALLOWED form: the rights a token is
 * granted. A right is granted when the first applicable ACE that names it allows it; a later deny does not
 * take it back, an earlier one keeps it from being granted. Inherit-only ACEs and ACE types other than
 * ACCESS_ALLOWED and ACCESS_DENIED do not apply. The owner is granted READ_CONTROL and WRITE_DAC unless the DACL
 * has an OWNER RIGHTS (S-1-3-4) ACE, whose ACEs then apply to the owner instead. No DACL (or a NULL DACL) grants
 * everything. Generic rights in an ACE are mapped with the file generic mapping (2.4.3).
 *
 * <p>A request for {@code desired} rights passes when {@code (desired & ~maximal) == 0}: that is the same answer
 * as walking the ACEs for the desired bits.
 */
final class AccessCheck {
    static final int ALL = Access.FILE_ALL_ACCESS;

    private AccessCheck() {
    }

    /** The rights {@code token} has on an object with descriptor {@code sd}. */
    static int maximal(SdParts sd, SecurityToken token) {
        if (!sd.daclPresent() || sd.dacl() == null) {
            return ALL;
        }
        Acl dacl = sd.daclAcl();
        Sid owner = sd.ownerSid();
        boolean isOwner = owner != null && token.has(owner);
        int granted = 0;
        int denied = 0;
        if (dacl == null) {
            return isOwner ? Access.READ_CONTROL | Access.WRITE_DAC : 0;
        }
        boolean ownerRights = false;
        for (Ace a : dacl.aces()) {
            if (!a.has(Ace.INHERIT_ONLY) && WellKnownSids.OWNER_RIGHTS.equals(a.sid())) {
                ownerRights = true;
            }
        }
        if (isOwner && !ownerRights) {
            granted |= Access.READ_CONTROL | Access.WRITE_DAC;
        }
        for (Ace a : dacl.aces()) {
            if (a.has(Ace.INHERIT_ONLY) || a.sid() == null) {
                continue;
            }
            boolean applies = token.has(a.sid()) || (isOwner && WellKnownSids.OWNER_RIGHTS.equals(a.sid()));
            if (!applies) {
                continue;
            }
            int mask = generic(a.mask());
            if (a.type() == Ace.ACCESS_ALLOWED) {
                granted |= mask & ~denied;
            } else if (a.type() == Ace.ACCESS_DENIED) {
                denied |= mask & ~granted;
            }
        }
        return granted;
    }

    /** The file generic mapping ([MS-DTYP] 2.4.3, [MS-SMB2] 2.2.13.1.1): generic bits replaced by file rights. */
    static int generic(int mask) {
        int m = mask & ~(Access.GENERIC_ALL | Access.GENERIC_EXECUTE | Access.GENERIC_WRITE | Access.GENERIC_READ);
        if ((mask & Access.GENERIC_READ) != 0) {
            m |= Access.FILE_GENERIC_READ;
        }
        if ((mask & Access.GENERIC_WRITE) != 0) {
            m |= Access.FILE_GENERIC_WRITE;
        }
        if ((mask & Access.GENERIC_EXECUTE) != 0) {
            m |= Access.FILE_GENERIC_EXECUTE;
        }
        if ((mask & Access.GENERIC_ALL) != 0) {
            m |= Access.FILE_ALL_ACCESS;
        }
        return m;
    }

    static boolean hasGeneric(int mask) {
        return (mask & (Access.GENERIC_ALL | Access.GENERIC_EXECUTE | Access.GENERIC_WRITE | Access.GENERIC_READ)) != 0;
    }
}

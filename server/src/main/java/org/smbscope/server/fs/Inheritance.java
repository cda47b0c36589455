package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.dtyp.Ace;
import org.smbscope.codec.dtyp.Acl;
import org.smbscope.codec.dtyp.Sid;
import org.smbscope.codec.dtyp.WellKnownSids;
import org.smbscope.server.tree.SecurityToken;

/**
 * The descriptor of a new file or directory, [MS-DTYP] 2.5.3.4 CreateSecurityDescriptor (with Windows'
 * CreatePrivateObjectSecurityEx behaviour as smbtorture checks it):
 * <ul>
 * <li>owner and group from the descriptor given at CREATE, else the token's user and primary group;</li>
 * <li>a DACL given at CREATE is taken as given (generic rights mapped), not merged with inherited ACEs;</li>
 * <li>otherwise the parent's inheritable ACEs (2.5.3.4.2 ComputeInheritedACLfromParent): a file takes the
 * OBJECT_INHERIT ACEs; a directory takes CONTAINER_INHERIT ACEs (kept inheritable unless NO_PROPAGATE_INHERIT,
 * split into an effective ACE and an inherit-only copy when CREATOR OWNER / CREATOR GROUP must be replaced or
 * generic rights mapped) and OBJECT_INHERIT-only ACEs as inherit-only; INHERIT_ONLY is cleared on what
 * applies. When the parent's DACL is SE_DACL_AUTO_INHERITED, the child's is too and its ACEs are INHERITED;</li>
 * <li>no inheritable ACE at all: the default DACL, full control for the owner and SYSTEM.</li>
 * </ul>
 */
final class Inheritance {
    private static final int INHERIT_FLAGS = Ace.OBJECT_INHERIT | Ace.CONTAINER_INHERIT;

    private Inheritance() {
    }

    /**
     * The descriptor of a child of a parent with descriptor {@code parent}, created by {@code token}, with the
     * descriptor {@code given} at CREATE (or null).
     */
    static SdParts child(SdParts parent, SdParts given, boolean container, SecurityToken token) {
        Sid owner = given != null && given.ownerSid() != null ? given.ownerSid() : token.user();
        Sid group = given != null && given.groupSid() != null ? given.groupSid() : token.primaryGroup();
        if (given != null && given.daclPresent()) {
            SdParts base = SdParts.of(owner, group, true, null, 0);
            SdParts merged = base.merge(given, SecurityDescriptors.DACL);
            return mapped(merged);
        }
        boolean auto = parent != null && (parent.control() & SdParts.SE_DACL_AUTO_INHERITED) != 0;
        Acl parentDacl = parent == null ? null : parent.daclAcl();
        List<Ace> inherited = parentDacl == null ? List.of() : inherit(parentDacl, container, owner, group, auto);
        if (inherited.isEmpty()) {
            return SdParts.of(owner, group, true, Acl.of(defaults(owner)), 0);
        }
        return SdParts.of(owner, group, true, Acl.of(inherited), auto ? SdParts.SE_DACL_AUTO_INHERITED : 0);
    }

    /** The DACL of an object with no inheritable ACE above it: full control for the owner and SYSTEM. */
    static List<Ace> defaults(Sid owner) {
        return List.of(Ace.allowed(0, Access.FILE_ALL_ACCESS, owner),
                Ace.allowed(0, Access.FILE_ALL_ACCESS, WellKnownSids.LOCAL_SYSTEM));
    }

    /** The ACEs a child inherits from {@code parent}. */
    static List<Ace> inherit(Acl parent, boolean container, Sid owner, Sid group, boolean auto) {
        int id = auto ? Ace.INHERITED : 0;
        List<Ace> out = new ArrayList<>();
        for (Ace a : parent.aces()) {
            if (a.sid() == null) {
                continue;
            }
            boolean oi = a.has(Ace.OBJECT_INHERIT);
            boolean ci = a.has(Ace.CONTAINER_INHERIT);
            boolean np = a.has(Ace.NO_PROPAGATE_INHERIT);
            if (!container) {
                if (oi) {
                    out.add(effective(a, owner, group, id));
                }
                continue;
            }
            if (ci) {
                if (np) {
                    out.add(effective(a, owner, group, id));
                } else if (needsSplit(a)) {
                    out.add(effective(a, owner, group, id));
                    out.add(a.withFlags((a.flags() & INHERIT_FLAGS) | Ace.INHERIT_ONLY | id));
                } else {
                    out.add(a.withFlags((a.flags() & INHERIT_FLAGS) | id));
                }
            } else if (oi && !np) {
                out.add(a.withFlags(Ace.OBJECT_INHERIT | Ace.INHERIT_ONLY | id));
            }
        }
        return out;
    }

    private static boolean needsSplit(Ace a) {
        return WellKnownSids.CREATOR_OWNER.equals(a.sid()) || WellKnownSids.CREATOR_GROUP.equals(a.sid())
                || AccessCheck.hasGeneric(a.mask());
    }

    /** The ACE as it applies to the child itself: no inheritance flags, creator SIDs replaced, generic mapped. */
    private static Ace effective(Ace a, Sid owner, Sid group, int id) {
        Sid sid = WellKnownSids.CREATOR_OWNER.equals(a.sid()) ? owner
                : WellKnownSids.CREATOR_GROUP.equals(a.sid()) ? group : a.sid();
        return a.withSid(sid).withMask(AccessCheck.generic(a.mask())).withFlags(id);
    }

    /** {@code sd} with the generic rights of its DACL's effective (not inherit-only) ACEs mapped, as SET_INFO stores them. */
    static SdParts mapped(SdParts sd) {
        Acl dacl = sd.daclAcl();
        if (dacl == null) {
            return sd;
        }
        List<Ace> aces = new ArrayList<>();
        boolean changed = false;
        for (Ace a : dacl.aces()) {
            if (!a.has(Ace.INHERIT_ONLY) && a.sid() != null && AccessCheck.hasGeneric(a.mask())) {
                aces.add(a.withMask(AccessCheck.generic(a.mask())));
                changed = true;
            } else {
                aces.add(a);
            }
        }
        return changed ? sd.withDacl(new Acl(dacl.revision(), aces).encode()) : sd;
    }
}

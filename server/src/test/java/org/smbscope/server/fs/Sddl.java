package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.smbscope.codec.dtyp.Ace;
import org.smbscope.codec.dtyp.Acl;
import org.smbscope.codec.dtyp.Sid;
import org.smbscope.codec.dtyp.WellKnownSids;
import org.smbscope.server.tree.SecurityToken;

/**
 * A small SDDL-like notation for test descriptors, the one {@link SdParts#toString()} prints, with aliases:
 * {@code O:ME G:DU D:AI(A;OICI;0x001f01ff;;;WD)(D;;0x2;;;CO)}. Aliases: ME (alice's SID), DU (Domain Users),
 * WD (Everyone), CO (CREATOR OWNER), CG (CREATOR GROUP), OR (OWNER RIGHTS), SY (SYSTEM), AU (Authenticated
 * Users), BA (Administrators), BU (Users), AN (Anonymous); masks are hex or GR/GW/GX/GA/FA/FR/FW, joined with +.
 * {@code D:NULL} is a NULL DACL.
 */
final class Sddl {
    static final SecurityToken ALICE = SecurityToken.user("alice");
    static final Map<String, Sid> ALIASES = Map.ofEntries(Map.entry("ME", ALICE.user()),
            Map.entry("DU", ALICE.primaryGroup()), Map.entry("WD", WellKnownSids.EVERYONE),
            Map.entry("CO", WellKnownSids.CREATOR_OWNER), Map.entry("CG", WellKnownSids.CREATOR_GROUP),
            Map.entry("OR", WellKnownSids.OWNER_RIGHTS), Map.entry("SY", WellKnownSids.LOCAL_SYSTEM),
            Map.entry("AU", WellKnownSids.AUTHENTICATED_USERS), Map.entry("BA", WellKnownSids.ADMINISTRATORS),
            Map.entry("BU", WellKnownSids.USERS), Map.entry("AN", WellKnownSids.ANONYMOUS));
    static final Map<String, Integer> MASKS = Map.of("GR", Access.GENERIC_READ, "GW", Access.GENERIC_WRITE,
            "GX", Access.GENERIC_EXECUTE, "GA", Access.GENERIC_ALL, "FA", Access.FILE_ALL_ACCESS,
            "FR", Access.FILE_GENERIC_READ, "FW", Access.FILE_GENERIC_WRITE);

    private Sddl() {
    }

    static SdParts parse(String text) {
        Sid owner = null;
        Sid group = null;
        boolean present = false;
        Acl dacl = null;
        int control = 0;
        for (String part : text.trim().split(" ")) {
            if (part.startsWith("O:")) {
                owner = sid(part.substring(2));
            } else if (part.startsWith("G:")) {
                group = sid(part.substring(2));
            } else if (part.startsWith("D:")) {
                present = true;
                String rest = part.substring(2);
                if (rest.equals("NULL")) {
                    continue;
                }
                if (rest.startsWith("P")) {
                    control |= SdParts.SE_DACL_PROTECTED;
                    rest = rest.substring(1);
                }
                if (rest.startsWith("AI")) {
                    control |= SdParts.SE_DACL_AUTO_INHERITED;
                    rest = rest.substring(2);
                }
                dacl = Acl.of(aces(rest));
            }
        }
        return SdParts.of(owner, group, present, dacl, control);
    }

    static List<Ace> aces(String text) {
        List<Ace> out = new ArrayList<>();
        for (String a : text.split("\\)")) {
            if (a.isEmpty()) {
                continue;
            }
            String[] f = a.substring(1).split(";", -1);
            int type = f[0].equals("A") ? Ace.ACCESS_ALLOWED : Ace.ACCESS_DENIED;
            int flags = 0;
            String fl = f[1];
            for (int i = 0; i + 1 < fl.length(); i += 2) {
                flags |= switch (fl.substring(i, i + 2)) {
                    case "OI" -> Ace.OBJECT_INHERIT;
                    case "CI" -> Ace.CONTAINER_INHERIT;
                    case "NP" -> Ace.NO_PROPAGATE_INHERIT;
                    case "IO" -> Ace.INHERIT_ONLY;
                    case "ID" -> Ace.INHERITED;
                    default -> throw new IllegalArgumentException(fl);
                };
            }
            int mask = 0;
            for (String m : f[2].split("\\+")) {
                mask |= MASKS.containsKey(m) ? MASKS.get(m) : (int) Long.parseLong(m.substring(2), 16);
            }
            out.add(Ace.of(type, flags, mask, sid(f[5])));
        }
        return out;
    }

    static Sid sid(String s) {
        return ALIASES.containsKey(s) ? ALIASES.get(s) : Sid.parse(s);
    }

    /** {@code sd} printed with the aliases put back. */
    static String print(SdParts sd) {
        String s = sd.toString();
        for (Map.Entry<String, Sid> e : ALIASES.entrySet()) {
            s = s.replace(";" + e.getValue() + ")", ";" + e.getKey() + ")").replace(":" + e.getValue() + " ",
                    ":" + e.getKey() + " ");
            if (s.endsWith(":" + e.getValue())) {
                s = s.substring(0, s.length() - e.getValue().toString().length()) + e.getKey();
            }
        }
        return s;
    }
}

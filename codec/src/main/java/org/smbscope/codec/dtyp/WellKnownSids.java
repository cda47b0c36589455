package org.smbscope.codec.dtyp;

/** Well-known SIDs, [MS-DTYP] 2.4.2.4, that access checks and inheritance name. */
public final class WellKnownSids {
    public static final Sid EVERYONE = Sid.parse("S-1-1-0");
    public static final Sid CREATOR_OWNER = Sid.parse("S-1-3-0");
    public static final Sid CREATOR_GROUP = Sid.parse("S-1-3-1");
    public static final Sid OWNER_RIGHTS = Sid.parse("S-1-3-4");
    public static final Sid NETWORK = Sid.parse("S-1-5-2");
    public static final Sid ANONYMOUS = Sid.parse("S-1-5-7");
    public static final Sid AUTHENTICATED_USERS = Sid.parse("S-1-5-11");
    public static final Sid THIS_ORGANIZATION = Sid.parse("S-1-5-15");
    public static final Sid LOCAL_SYSTEM = Sid.parse("S-1-5-18");
    public static final Sid ADMINISTRATORS = Sid.parse("S-1-5-32-544");
    public static final Sid USERS = Sid.parse("S-1-5-32-545");
    public static final Sid GUESTS = Sid.parse("S-1-5-32-546");

    private WellKnownSids() {
    }
}

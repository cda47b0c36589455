package org.smbscope.codec.status;

/**
 * A Win32 error code ([MS-ERREF] 2.2) with its symbolic name and the message Windows prints, as a
 * Windows user sees it after {@code net use}: "System error 1326 has occurred." followed by the
 * message. Open: unknown codes keep their number.
 */
public record Win32Error(int code) {
    public static final Win32Error SUCCESS = new Win32Error(0);
    public static final Win32Error ACCESS_DENIED = new Win32Error(5);
    public static final Win32Error BAD_NET_NAME = new Win32Error(67);
    public static final Win32Error LOGON_FAILURE = new Win32Error(1326);
    public static final Win32Error LOGIN_WKSTA_RESTRICTION = new Win32Error(1240);

    /** "ERROR_LOGON_FAILURE", or "ERROR_UNKNOWN(1234)". */
    public String name() {
        Win32Table.Entry e = Win32Table.entry(code);
        return e != null ? e.name() : "ERROR_UNKNOWN(" + Integer.toUnsignedString(code) + ")";
    }

    /** "The user name or password is incorrect.", or a generic text for an unknown code. */
    public String message() {
        Win32Table.Entry e = Win32Table.entry(code);
        return e != null ? e.message() : "Unknown error " + Integer.toUnsignedString(code) + ".";
    }

    public boolean isKnown() {
        return Win32Table.entry(code) != null;
    }

    /** "System error 1326 has occurred.\n\nThe user name or password is incorrect." */
    public String systemErrorText() {
        return "System error " + Integer.toUnsignedString(code) + " has occurred.\n\n" + message();
    }

    @Override
    public String toString() {
        return name() + " (" + Integer.toUnsignedString(code) + ")";
    }
}

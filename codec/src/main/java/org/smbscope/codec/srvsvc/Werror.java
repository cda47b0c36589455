package org.smbscope.codec.srvsvc;

/** A WERROR (Win32 error code) returned by srvsvc calls ([MS-ERREF] 2.2). Open: any value is kept. */
public record Werror(long value) {
    public static final Werror OK = new Werror(0);
    public static final Werror ACCESS_DENIED = new Werror(5);
    public static final Werror NOT_ENOUGH_MEMORY = new Werror(8);
    public static final Werror NOT_SUPPORTED = new Werror(50);
    public static final Werror INVALID_PARAMETER = new Werror(87);
    public static final Werror INVALID_LEVEL = new Werror(124);
    public static final Werror MORE_DATA = new Werror(234);
    public static final Werror NERR_NET_NAME_NOT_FOUND = new Werror(2310);

    public boolean isOk() {
        return value == 0;
    }

    public String name() {
        return switch ((int) value) {
            case 0 -> "WERR_OK";
            case 5 -> "WERR_ACCESS_DENIED";
            case 8 -> "WERR_NOT_ENOUGH_MEMORY";
            case 50 -> "WERR_NOT_SUPPORTED";
            case 87 -> "WERR_INVALID_PARAMETER";
            case 124 -> "WERR_INVALID_LEVEL";
            case 234 -> "WERR_MORE_DATA";
            case 2310 -> "WERR_NERR_NETNAMENOTFOUND";
            default -> String.format("UNKNOWN(0x%08x)", value);
        };
    }

    @Override
    public String toString() {
        return String.format("%s (0x%08x)", name(), value);
    }
}

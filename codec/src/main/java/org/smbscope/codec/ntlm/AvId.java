package org.smbscope.codec.ntlm;

/**
 * An AV_PAIR identifier, [MS-NLMP] 2.2.2.1. Open: an unknown id keeps its number.
 */
public record AvId(int value) {
    public static final AvId MSV_AV_EOL = new AvId(0);
    public static final AvId MSV_AV_NB_COMPUTER_NAME = new AvId(1);
    public static final AvId MSV_AV_NB_DOMAIN_NAME = new AvId(2);
    public static final AvId MSV_AV_DNS_COMPUTER_NAME = new AvId(3);
    public static final AvId MSV_AV_DNS_DOMAIN_NAME = new AvId(4);
    public static final AvId MSV_AV_DNS_TREE_NAME = new AvId(5);
    public static final AvId MSV_AV_FLAGS = new AvId(6);
    public static final AvId MSV_AV_TIMESTAMP = new AvId(7);
    public static final AvId MSV_AV_SINGLE_HOST = new AvId(8);
    public static final AvId MSV_AV_TARGET_NAME = new AvId(9);
    public static final AvId MSV_AV_CHANNEL_BINDINGS = new AvId(10);

    public String name() {
        return switch (value) {
            case 0 -> "MsvAvEOL";
            case 1 -> "MsvAvNbComputerName";
            case 2 -> "MsvAvNbDomainName";
            case 3 -> "MsvAvDnsComputerName";
            case 4 -> "MsvAvDnsDomainName";
            case 5 -> "MsvAvDnsTreeName";
            case 6 -> "MsvAvFlags";
            case 7 -> "MsvAvTimestamp";
            case 8 -> "MsvAvSingleHost";
            case 9 -> "MsvAvTargetName";
            case 10 -> "MsvAvChannelBindings";
            default -> String.format("UNKNOWN(0x%04x)", value);
        };
    }

    /** Whether the value is UTF-16LE text. */
    public boolean isText() {
        return (value >= 1 && value <= 5) || value == 9;
    }

    @Override
    public String toString() {
        return name();
    }
}

package org.smbscope.codec.kerberos;

import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Described;

/**
 * A Kerberos V5 message, RFC 4120 5: AS-REQ/TGS-REQ ({@link KdcRequest}), AS-REP/TGS-REP
 * ({@link KdcReply}), {@link KrbError}, {@link ApReq}, {@link ApRep}, or one of them inside a
 * GSS-API token ({@link GssKrb5Token}, RFC 4121 4.1, as carried by SPNEGO in SMB).
 * Decoded only; the encrypted parts stay encrypted.
 */
public sealed interface KerberosMessage extends Described permits KdcRequest, KdcReply, KrbError, ApReq, ApRep,
        GssKrb5Token {
    MessageType type();

    /**
     * Decodes a message as sent over UDP (or a TCP record without its length prefix), or a
     * GSS-API token wrapping one.
     */
    static KerberosMessage decode(byte[] bytes) throws KerberosDecodeException {
        try {
            DerReader r = KerberosReader.reader(bytes);
            int id = r.peekIdentifier("message");
            if (id == 0x60) {
                return GssKrb5Token.read(r);
            }
            KerberosMessage m = read(r);
            r.expectEnd("message");
            return m;
        } catch (DecodeException e) {
            throw KerberosReader.wrap(e);
        }
    }

    /**
     * Decodes a Kerberos-over-TCP record (RFC 4120 7.2.2): a 4-byte big-endian length whose top
     * bit is reserved, then exactly that many bytes of message.
     */
    static KerberosMessage decodeTcpRecord(byte[] record) throws KerberosDecodeException {
        if (record.length < 4) {
            throw new KerberosDecodeException("record length", 0, "a TCP record needs 4 length bytes, got " + record.length);
        }
        long length = ((record[0] & 0xffL) << 24) | ((record[1] & 0xff) << 16) | ((record[2] & 0xff) << 8)
                | (record[3] & 0xff);
        if ((length & 0x80000000L) != 0) {
            throw new KerberosDecodeException("record length", 0, "reserved high bit set (extension not supported)");
        }
        if (length != record.length - 4) {
            throw new KerberosDecodeException("record length", 0, "declares " + length + " bytes, "
                    + (record.length - 4) + " follow");
        }
        return decode(java.util.Arrays.copyOfRange(record, 4, record.length));
    }

    /** One bare message by its APPLICATION tag. */
    static KerberosMessage read(DerReader r) throws DecodeException {
        int id = r.peekIdentifier("message");
        if ((id & 0xe0) != 0x60) {
            throw r.fail("message", String.format("identifier 0x%02x is not a constructed [APPLICATION n]", id));
        }
        int n = id & 0x1f;
        return switch (n) {
            case 10, 12 -> KdcRequest.read(r.enter("KDC-REQ", Tlv.APPLICATION, n), n);
            case 11, 13 -> KdcReply.read(r.enter("KDC-REP", Tlv.APPLICATION, n), n);
            case 14 -> ApReq.read(r.enter("AP-REQ", Tlv.APPLICATION, 14));
            case 15 -> ApRep.read(r.enter("AP-REP", Tlv.APPLICATION, 15));
            case 30 -> KrbError.read(r.enter("KRB-ERROR", Tlv.APPLICATION, 30));
            default -> throw r.fail("message", "[APPLICATION " + n + "] is not a message this decoder reads ("
                    + new MessageType(n).name() + ")");
        };
    }

    /** Whether {@code bytes} starts like a Kerberos message or a GSS-API Kerberos token (cheap check). */
    static boolean looksLikeKerberos(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            return false;
        }
        int id = bytes[0] & 0xff;
        return id == 0x6a || id == 0x6b || id == 0x6c || id == 0x6d || id == 0x6e || id == 0x6f || id == 0x7e
                || GssKrb5Token.isKrb5Token(bytes);
    }
}

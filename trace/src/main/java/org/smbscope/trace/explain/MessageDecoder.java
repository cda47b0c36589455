package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.kerberos.KerberosDecodeException;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.Smb2TransformHeader;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.Detail;
import org.smbscope.trace.event.Exchange;

/**
 * Decodes exchanges into {@link Message}s with the codecs: SMB2 compounds and SMB1 AndX chains
 * split into their members, NBNS packets, NetBIOS session packets, Kerberos messages (UDP/TCP 88). Bytes that do not decode
 * become a message that says why, never an exception: a capture is evidence as it is.
 */
public final class MessageDecoder {
    private MessageDecoder() {
    }

    /** Every message of every exchange, in order. */
    public static List<Message> decodeAll(List<Exchange> exchanges) {
        List<Message> out = new ArrayList<>();
        exchanges.forEach(e -> out.addAll(decode(e)));
        return out;
    }

    /** The messages of one exchange. */
    public static List<Message> decode(Exchange e) {
        try {
            return switch (e.layer()) {
                case SMB2 -> smb2(e);
                case SMB1 -> smb1(e);
                case NBNS -> {
                    NameServicePacket p = NameServicePacket.decode(e.payload());
                    yield List.of(new Message(e, 0, p, "NBNS " + p.summary(), p.detail()));
                }
                case NBSS -> {
                    SessionPacket p = SessionFrameCodec.DEFAULT.decode(e.payload());
                    yield List.of(new Message(e, 0, p, "NetBIOS " + p.type().description(), p.detail()));
                }
                case SMB2_TRANSFORM -> {
                    Smb2TransformHeader t = Smb2TransformHeader.decode(e.payload());
                    yield List.of(new Message(e, 0, t, "SMB3 encrypted message (" + t.originalMessageSize()
                            + " bytes sealed)", t.detail()));
                }
                case KERBEROS -> {
                    KerberosMessage k = KerberosMessage.decode(e.payload());
                    yield List.of(new Message(e, 0, k, KerberosExplainer.summary(k), k.detail()));
                }
                case GAP -> {
                    org.smbscope.trace.event.CaptureGap g = org.smbscope.trace.event.CaptureGap.of(e);
                    yield List.of(new Message(e, 0, g, g.summary(), g.detail()));
                }
                default -> List.of(undecoded(e, e.layer() + " message, " + e.payload().length + " bytes"));
            };
        } catch (NetbiosDecodeException | Smb1DecodeException | Smb2DecodeException | KerberosDecodeException x) {
            return List.of(undecoded(e, "malformed " + e.layer() + ": " + x.getMessage()));
        }
    }

    private static Message undecoded(Exchange e, String why) {
        return new Message(e, 0, why, why, Detail.of(why));
    }

    private static List<Message> smb2(Exchange e) throws Smb2DecodeException {
        List<Message> out = new ArrayList<>();
        int i = 0;
        for (Smb2Packet p : Smb2Codec.decodeAll(e.payload())) {
            out.add(new Message(e, i++, p, smb2Summary(p), p.detail()));
        }
        return out;
    }

    static String smb2Summary(Smb2Packet p) {
        String s = "SMB2 " + p.header().command().name() + (p.isResponse() ? " response" : " request");
        NtStatus st = p.header().status();
        return p.isResponse() && !st.isSuccess() ? s + ", " + st.name() : s;
    }

    private static List<Message> smb1(Exchange e) throws Smb1DecodeException {
        Smb1Packet packet = Smb1Packet.decode(e.payload());
        List<Message> out = new ArrayList<>();
        int i = 0;
        for (Smb1Block b : packet.blocks()) {
            Smb1Message m = Smb1Messages.decode(packet.header(), b);
            Smb1Part part = new Smb1Part(packet.header(), m);
            String s = "SMB1 " + b.command().name() + (packet.header().isReply() ? " response" : " request");
            if (packet.header().isReply() && packet.header().status() != 0) {
                s += ", " + (packet.header().ntStatus() ? new NtStatus((int) packet.header().status()).name()
                        : packet.header().statusText());
            }
            out.add(new Message(e, i++, part, s, part.detail()));
        }
        return out;
    }
}

package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.wire.DecodeException;

/** Decodes a message's blocks into {@link Smb1Message}s by command and direction. */
public final class Smb1Messages {
    private Smb1Messages() {
    }

    /** Splits the AndX chain and decodes every block. */
    public static List<Smb1Message> decode(byte[] message) throws Smb1DecodeException {
        Smb1Packet p = Smb1Packet.decode(message);
        List<Smb1Message> out = new ArrayList<>();
        for (Smb1Block b : p.blocks()) {
            out.add(decode(p.header(), b));
        }
        return out;
    }

    public static Smb1Message decode(Smb1Header header, Smb1Block block) throws Smb1DecodeException {
        try {
            boolean reply = header.isReply();
            if (reply && block.wordCount() == 0 && block.data().length == 0 && header.status() != 0) {
                return new Smb1ErrorResponse(block.command(), header.status());
            }
            int c = block.command().value();
            if (block.wordCount() == 0 && block.data().length == 0 && (reply || c == Smb1Command.TREE_DISCONNECT.value())) {
                return new Smb1EmptyMessage(block.command(), reply);
            }
            if (c == Smb1Command.NEGOTIATE.value()) {
                return reply ? NegotiateResponse.decode(header, block) : NegotiateRequest.decode(block);
            } else if (c == Smb1Command.SESSION_SETUP_ANDX.value()) {
                return reply ? SessionSetupAndXResponse.decode(header, block) : SessionSetupAndXRequest.decode(header, block);
            } else if (c == Smb1Command.TREE_CONNECT_ANDX.value()) {
                return reply ? TreeConnectAndXResponse.decode(header, block) : TreeConnectAndXRequest.decode(header, block);
            } else if (c == Smb1Command.TRANSACTION.value() || c == Smb1Command.TRANSACTION2.value()) {
                return reply ? TransactionResponse.decode(header, block) : TransactionRequest.decode(header, block);
            }
            if (!reply && (c == Smb1Command.TRANSACTION_SECONDARY.value() || c == Smb1Command.TRANSACTION2_SECONDARY.value())) {
                return TransactionSecondaryRequest.decode(block);
            }
            switch (c) {
                case 0xA2 -> {
                    return reply ? NtCreateAndXResponse.decode(header, block) : NtCreateAndXRequest.decode(header, block);
                }
                case 0x2E -> {
                    return reply ? ReadAndXResponse.decode(header, block) : ReadAndXRequest.decode(header, block);
                }
                case 0x2F -> {
                    return reply ? WriteAndXResponse.decode(header, block) : WriteAndXRequest.decode(header, block);
                }
                case 0xA0 -> {
                    return NtTransactMessage.decode(header, block);
                }
                case 0x74 -> {
                    return LogoffAndX.decode(header, block);
                }
                case 0x2B -> {
                    return EchoMessage.decode(header, block);
                }
                case 0x04 -> {
                    if (!reply) {
                        return CloseRequest.decode(block);
                    }
                }
                case 0x05 -> {
                    if (!reply) {
                        return FlushRequest.decode(block);
                    }
                }
                case 0x00, 0x01, 0x06, 0x07 -> {
                    if (!reply) {
                        return PathRequest.decode(header, block);
                    }
                }
                default -> {
                }
            }
            return new Smb1RawMessage(block.command(), reply, block.words(), block.data());
        } catch (DecodeException e) {
            throw Smb1Strings.wrap(e);
        }
    }
}

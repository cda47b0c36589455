package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * The 64-byte SMB2 packet header, [MS-SMB2] 2.2.1: the sync form (ProcessId + TreeId) and the
 * async form (AsyncId), chosen by {@link Smb2Flags#ASYNC_COMMAND}.
 *
 * <p>In a 3.x request the Status field carries ChannelSequence/Reserved; it is kept as the same
 * 32-bit {@link #status()} ({@link #channelSequence()} reads the low 16 bits).
 *
 * @param creditCharge  CreditCharge
 * @param status        Status (or ChannelSequence + Reserved in requests)
 * @param command       Command
 * @param credits       CreditRequest (requests) or CreditResponse (responses)
 * @param flags         Flags
 * @param nextCommand   NextCommand: offset of the next message of a compound, 0 for the last
 * @param messageId     MessageId
 * @param processId     ProcessId (sync form; Reserved in the spec, 0xFEFF by Windows/Samba)
 * @param treeId        TreeId (sync form)
 * @param asyncId       AsyncId (async form)
 * @param sessionId     SessionId
 * @param signature     Signature (16 bytes)
 */
public record Smb2Header(int creditCharge, NtStatus status, Smb2Command command, int credits, Smb2Flags flags,
        int nextCommand, long messageId, int processId, int treeId, long asyncId, long sessionId,
        byte[] signature) {

    public static final int SIZE = 64;
    public static final int PROTOCOL_ID = 0xFE534D42;
    /** Offset of the Signature field inside the header. */
    public static final int SIGNATURE_OFFSET = 48;
    public static final int SIGNATURE_LENGTH = 16;
    /** The ProcessId Windows and Samba put in sync headers. */
    public static final int DEFAULT_PROCESS_ID = 0xFEFF;

    public Smb2Header {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be 16 bytes");
        }
        signature = signature.clone();
    }

    /** A sync request header: credit charge 1, 1 credit requested, no session or tree yet. */
    public static Smb2Header request(Smb2Command command, long messageId) {
        return new Smb2Header(1, NtStatus.SUCCESS, command, 1, Smb2Flags.NONE, 0, messageId, DEFAULT_PROCESS_ID,
                0, 0, 0, new byte[SIGNATURE_LENGTH]);
    }

    /** A response header answering {@code request}, with the given status and credits granted. */
    public static Smb2Header responseTo(Smb2Header request, NtStatus status, int creditsGranted) {
        Smb2Flags f = new Smb2Flags(request.flags.value() & (Smb2Flags.RELATED_OPERATIONS.value()
                | Smb2Flags.PRIORITY_MASK)).with(Smb2Flags.SERVER_TO_REDIR);
        return new Smb2Header(request.creditCharge, status, request.command, creditsGranted, f, 0,
                request.messageId, request.processId, request.treeId, 0, request.sessionId,
                new byte[SIGNATURE_LENGTH]);
    }

    /**
     * CreditCharge for a request or response carrying {@code payloadBytes} (3.1.5.2):
     * 1 + (payload - 1) / 65536, and 1 for an empty payload.
     */
    public static int creditChargeFor(long payloadBytes) {
        return payloadBytes <= 0 ? 1 : (int) (1 + (payloadBytes - 1) / 65536);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public boolean isResponse() {
        return flags.isResponse();
    }

    public boolean isAsync() {
        return flags.isAsync();
    }

    /** ChannelSequence (3.x requests): the low 16 bits of the Status field. */
    public int channelSequence() {
        return status.value() & 0xFFFF;
    }

    public Smb2Header withCreditCharge(int v) {
        return new Smb2Header(v, status, command, credits, flags, nextCommand, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withStatus(NtStatus v) {
        return new Smb2Header(creditCharge, v, command, credits, flags, nextCommand, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withCredits(int v) {
        return new Smb2Header(creditCharge, status, command, v, flags, nextCommand, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withFlags(Smb2Flags v) {
        return new Smb2Header(creditCharge, status, command, credits, v, nextCommand, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withNextCommand(int v) {
        return new Smb2Header(creditCharge, status, command, credits, flags, v, messageId, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withMessageId(long v) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, v, processId, treeId,
                asyncId, sessionId, signature);
    }

    public Smb2Header withTreeId(int v) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, processId, v,
                asyncId, sessionId, signature);
    }

    public Smb2Header withProcessId(int v) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, v, treeId,
                asyncId, sessionId, signature);
    }

    /** Sets the AsyncId and the ASYNC_COMMAND flag. */
    public Smb2Header withAsyncId(long v) {
        return new Smb2Header(creditCharge, status, command, credits, flags.with(Smb2Flags.ASYNC_COMMAND),
                nextCommand, messageId, processId, treeId, v, sessionId, signature);
    }

    public Smb2Header withSessionId(long v) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, processId,
                treeId, asyncId, v, signature);
    }

    public Smb2Header withSignature(byte[] v) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, processId,
                treeId, asyncId, sessionId, v);
    }

    /** Writes the 64 bytes. */
    public void write(WireWriter w) {
        w.u32be(PROTOCOL_ID).u16le(SIZE).u16le(creditCharge).u32le(status.value() & 0xFFFFFFFFL)
                .u16le(command.value()).u16le(credits).u32le(flags.value() & 0xFFFFFFFFL)
                .u32le(nextCommand & 0xFFFFFFFFL).u64le(messageId);
        if (flags.isAsync()) {
            w.u64le(asyncId);
        } else {
            w.u32le(processId & 0xFFFFFFFFL).u32le(treeId & 0xFFFFFFFFL);
        }
        w.u64le(sessionId).bytes(signature);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(SIZE);
        write(w);
        return w.toByteArray();
    }

    /** Reads 64 bytes, checking ProtocolId and StructureSize. */
    public static Smb2Header read(WireReader r) throws DecodeException {
        int protocolOffset = r.offset();
        long protocol = r.u32be("ProtocolId");
        if (protocol != (PROTOCOL_ID & 0xFFFFFFFFL)) {
            throw r.failAt("ProtocolId", protocolOffset, String.format("0x%08x is not 0xfe534d42 (SMB2)", protocol));
        }
        int size = r.u16le("StructureSize");
        if (size != SIZE) {
            throw r.failAt("StructureSize", r.offset() - 2, "header StructureSize " + size + ", expected 64");
        }
        int creditCharge = r.u16le("CreditCharge");
        NtStatus status = NtStatus.of(r.i32le("Status"));
        Smb2Command command = Smb2Command.of(r.u16le("Command"));
        int credits = r.u16le("CreditRequest/CreditResponse");
        Smb2Flags flags = new Smb2Flags(r.i32le("Flags"));
        int next = r.i32le("NextCommand");
        long messageId = r.u64le("MessageId");
        int pid = 0;
        int tid = 0;
        long asyncId = 0;
        if (flags.isAsync()) {
            asyncId = r.u64le("AsyncId");
        } else {
            pid = r.i32le("ProcessId");
            tid = r.i32le("TreeId");
        }
        long sessionId = r.u64le("SessionId");
        byte[] sig = r.bytes("Signature", SIGNATURE_LENGTH);
        return new Smb2Header(creditCharge, status, command, credits, flags, next, messageId, pid, tid, asyncId,
                sessionId, sig);
    }

    /** Decodes a header from the first 64 bytes of {@code bytes}. */
    public static Smb2Header decode(byte[] bytes) throws Smb2DecodeException {
        try {
            return read(WireReader.of(bytes, Smb2DecodeException::new));
        } catch (Smb2DecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new Smb2DecodeException(e.field(), e.offset(), e.detail());
        }
    }

    /** Lower-case hex digits of a whole int (8) or long (16), as {@code %08x} / {@code %016x} print them, without a Formatter. */
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    public Detail detail() {
        Detail d = Detail.of("SMB2 Header")
                .field("ProtocolId", "0xfe534d42")
                .field("Header Length", SIZE)
                .field("Credit Charge", creditCharge);
        if (isResponse() || !status.equals(NtStatus.SUCCESS)) {
            d.field(isResponse() ? "NT Status" : "Channel Sequence/Status", status);
        }
        d.field("Command", command)
                .field(isResponse() ? "Credits granted" : "Credits requested", credits)
                .field("Flags", flags)
                .field("Chain Offset", "0x" + HEX.toHexDigits(nextCommand))
                .field("Message ID", Long.toUnsignedString(messageId));
        if (isAsync()) {
            d.field("Async Id", "0x" + HEX.toHexDigits(asyncId));
        } else {
            d.field("Process Id", "0x" + HEX.toHexDigits(processId))
                    .field("Tree Id", "0x" + HEX.toHexDigits(treeId));
        }
        d.field("Session Id", "0x" + HEX.toHexDigits(sessionId))
                .field("Signature", Bits.hex(signature));
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb2Header h && creditCharge == h.creditCharge && status.equals(h.status)
                && command.equals(h.command) && credits == h.credits && flags.equals(h.flags)
                && nextCommand == h.nextCommand && messageId == h.messageId && processId == h.processId
                && treeId == h.treeId && asyncId == h.asyncId && sessionId == h.sessionId
                && Arrays.equals(signature, h.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, messageId, sessionId, treeId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Smb2Header[" + command.name() + (isResponse() ? " response " + status.name() : " request")
                + ", mid=" + messageId + ", credits=" + credits + ", flags=" + flags
                + (isAsync() ? ", async=" + asyncId : ", tid=" + Integer.toUnsignedString(treeId))
                + ", sid=" + String.format("0x%x", sessionId) + ", next=" + nextCommand + "]";
    }
}

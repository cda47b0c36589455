package org.smbscope.client.smb1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.client.ServerEntry;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.PresentationContext;
import org.smbscope.codec.dcerpc.RpcPdu;
import org.smbscope.codec.dcerpc.RpcPduCodec;
import org.smbscope.codec.rap.RapDecodeException;
import org.smbscope.codec.rap.RapRequest;
import org.smbscope.codec.rap.RapResponse;
import org.smbscope.codec.rap.ServerInfo1;
import org.smbscope.codec.rap.ServerType;
import org.smbscope.codec.rap.ShareInfo1;
import org.smbscope.codec.smb1.NtCreateAndXResponse;
import org.smbscope.codec.smb1.ReadAndXRequest;
import org.smbscope.codec.smb1.ReadAndXResponse;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.srvsvc.SrvsvcCodec;
import org.smbscope.codec.srvsvc.SrvsvcMessage;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.status.Win32Error;

/**
 * Calls over IPC$ named pipes on an SMB1 tree: srvsvc NetrShareEnum as DCE/RPC over
 * TRANS_TRANSACT_NMPIPE ([MS-CIFS] 2.2.5.6, reading on with READ_ANDX while STATUS_BUFFER_OVERFLOW),
 * and RAP over {@code \PIPE\LANMAN} ([MS-RAP] 3.2): NetShareEnum, NetServerGetInfo, NetServerEnum2.
 */
final class PipeCalls {
    private static final int MAX_FRAG = 4280;
    private static final int RAP_BUFFER = 0xFFE0;
    private static final int ERROR_MORE_DATA = 234;
    private static final String LANMAN = "\\PIPE\\LANMAN";

    private PipeCalls() {
    }

    static List<ShareInfo> netShareEnumAll(Smb1TreeImpl ipc, String serverName) throws IOException {
        NtCreateAndXResponse pipe = openPipe(ipc, "srvsvc");
        try {
            byte[] bind = RpcPduCodec.encode(RpcPdu.Bind.of(1, MAX_FRAG, PresentationContext.ndr(0, SrvsvcCodec.INTERFACE)));
            RpcPdu ack = decode(transceive(ipc, pipe.fid(), bind));
            if (!(ack instanceof RpcPdu.BindAck)) {
                throw new SmbProtocolException("srvsvc bind refused: " + ack.getClass().getSimpleName());
            }
            byte[] stub = SrvsvcCodec.encode(new SrvsvcMessage.NetShareEnumRequest("\\\\" + serverName, 1, 0xFFFFFFFFL, 0L));
            byte[] req = RpcPduCodec.encode(RpcPdu.Request.of(2, 0, SrvsvcCodec.NETR_SHARE_ENUM, stub));
            byte[] stubOut = collect(ipc, pipe.fid(), transceive(ipc, pipe.fid(), req));
            SrvsvcMessage m;
            try {
                m = SrvsvcCodec.decodeResponse(SrvsvcCodec.NETR_SHARE_ENUM, stubOut);
            } catch (DcerpcDecodeException e) {
                throw new SmbProtocolException("malformed NetrShareEnum response: " + e.getMessage(), e);
            }
            if (m instanceof SrvsvcMessage.NetShareEnumResponse resp) {
                List<ShareInfo> out = new ArrayList<>();
                for (org.smbscope.codec.srvsvc.ShareInfo s : resp.shares()) {
                    out.add(new ShareInfo(s.name(), s.type().value(), s.remark() == null ? "" : s.remark()));
                }
                return out;
            }
            throw new SmbProtocolException("unexpected srvsvc answer " + m);
        } finally {
            ipc.close(pipe.fid());
        }
    }

    /** Opens a pipe; Samba's RPC helper may need a moment after smbd starts (OBJECT_NAME_NOT_FOUND). */
    private static NtCreateAndXResponse openPipe(Smb1TreeImpl ipc, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return ipc.open(name, Smb1TreeImpl.FILE_GENERIC_READ_WRITE, Smb1TreeImpl.FILE_OPEN, 0, "opening pipe");
            } catch (SmbException e) {
                if (attempt >= 10 || e.status() != NtStatus.OBJECT_NAME_NOT_FOUND.value()) {
                    throw e;
                }
                sleep(300);
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    /** One TransactNmPipe: writes {@code pdu}, returns what the pipe answered (more may follow on BUFFER_OVERFLOW). */
    private static Chunk transceive(Smb1TreeImpl ipc, int fid, byte[] pdu) throws IOException {
        Smb1TreeImpl.TransResult r = ipc.transact(Smb1Command.TRANSACTION, "\\PIPE\\",
                new int[] {TransactionRequest.TRANS_TRANSACT_NMPIPE, fid}, new byte[0], pdu, 0, MAX_FRAG,
                "calling the pipe", NtStatus.BUFFER_OVERFLOW);
        return new Chunk(r.data(), r.status().equals(NtStatus.BUFFER_OVERFLOW));
    }

    private record Chunk(byte[] data, boolean more) {
    }

    private static RpcPdu decode(Chunk c) throws SmbProtocolException {
        return decode(c.data());
    }

    /** Reassembles the response fragments, reading on while the pipe has more or a PDU is not last. */
    private static byte[] collect(Smb1TreeImpl ipc, int fid, Chunk first) throws IOException {
        ByteArrayOutputStream stub = new ByteArrayOutputStream();
        byte[] buffer = first.data();
        boolean more = first.more();
        int rounds = 0;
        while (true) {
            while (more || buffer.length < 16 || buffer.length < fragLength(buffer)) {
                if (++rounds > 10_000) {
                    throw new SmbProtocolException("srvsvc response does not end");
                }
                Smb1Errors.Response r = Smb1Errors.expect(ipc.connection().call(ipc.encode(ReadAndXRequest.of(fid, 0, MAX_FRAG))),
                        "reading the pipe", NtStatus.BUFFER_OVERFLOW);
                more = r.status().equals(NtStatus.BUFFER_OVERFLOW);
                byte[] b = Smb1Errors.as(r, ReadAndXResponse.class, "a READ_ANDX response").data();
                if (b.length == 0 && !more) {
                    throw new SmbProtocolException("pipe ended inside a DCE/RPC fragment");
                }
                buffer = Smb1TreeImpl.concat(buffer, b);
            }
            int fragLen = fragLength(buffer);
            if (fragLen < 16) {
                throw new SmbProtocolException("DCE/RPC fragment length " + fragLen);
            }
            RpcPdu pdu = decode(java.util.Arrays.copyOf(buffer, fragLen));
            if (!(pdu instanceof RpcPdu.Response resp)) {
                throw new SmbProtocolException("srvsvc call failed: " + pdu);
            }
            stub.writeBytes(resp.stub());
            boolean last = (buffer[3] & 0x02) != 0;
            buffer = java.util.Arrays.copyOfRange(buffer, fragLen, buffer.length);
            if (last) {
                return stub.toByteArray();
            }
        }
    }

    private static int fragLength(byte[] b) {
        return b.length < 10 ? Integer.MAX_VALUE : (b[8] & 0xff) | (b[9] & 0xff) << 8;
    }

    private static RpcPdu decode(byte[] b) throws SmbProtocolException {
        try {
            return RpcPduCodec.decode(b);
        } catch (DcerpcDecodeException e) {
            throw new SmbProtocolException("malformed DCE/RPC PDU: " + e.getMessage(), e);
        }
    }

    private static Smb1TreeImpl.TransResult rap(Smb1TreeImpl ipc, RapRequest req, String what) throws IOException {
        return ipc.transact(Smb1Command.TRANSACTION, LANMAN, new int[0], req.encode(), new byte[0], 8, RAP_BUFFER,
                "calling " + what);
    }

    private static SmbException rapError(int status, String what) {
        Win32Error w = new Win32Error(status);
        return new SmbException(what + " (RAP status " + status + ")", 0xC0000001, w.name(), status, w.message());
    }

    static List<ShareInfo> rapShareEnum(Smb1TreeImpl ipc) throws IOException {
        Smb1TreeImpl.TransResult r = rap(ipc, new RapRequest.NetShareEnum(1, RAP_BUFFER), "NetShareEnum");
        RapResponse.NetShareEnum resp;
        try {
            resp = RapResponse.NetShareEnum.decode(r.parameters(), r.data());
        } catch (RapDecodeException e) {
            throw new SmbProtocolException("malformed NetShareEnum response: " + e.getMessage(), e);
        }
        if (resp.status() != 0 && resp.status() != ERROR_MORE_DATA) {
            throw rapError(resp.status(), "NetShareEnum");
        }
        List<ShareInfo> out = new ArrayList<>();
        for (ShareInfo1 s : resp.shares()) {
            out.add(new ShareInfo(s.name(), s.type(), s.remark() == null ? "" : s.remark()));
        }
        return out;
    }

    static List<ServerEntry> rapServerEnum2(Smb1TreeImpl ipc, long typeMask, String domain) throws IOException {
        Smb1TreeImpl.TransResult r = rap(ipc, new RapRequest.NetServerEnum2(1, RAP_BUFFER, new ServerType(typeMask),
                domain == null ? "" : domain), "NetServerEnum2");
        RapResponse.NetServerEnum2 resp;
        try {
            resp = RapResponse.NetServerEnum2.decode(r.parameters(), r.data());
        } catch (RapDecodeException e) {
            throw new SmbProtocolException("malformed NetServerEnum2 response: " + e.getMessage(), e);
        }
        if (resp.status() != 0 && resp.status() != ERROR_MORE_DATA) {
            throw rapError(resp.status(), "NetServerEnum2");
        }
        List<ServerEntry> out = new ArrayList<>();
        for (ServerInfo1 s : resp.servers()) {
            out.add(entry(s));
        }
        return out;
    }

    static ServerEntry rapServerGetInfo(Smb1TreeImpl ipc) throws IOException {
        Smb1TreeImpl.TransResult r = rap(ipc, new RapRequest.NetServerGetInfo(1, RAP_BUFFER), "NetServerGetInfo");
        RapResponse.NetServerGetInfo resp;
        try {
            resp = RapResponse.NetServerGetInfo.decode(r.parameters(), r.data());
        } catch (RapDecodeException e) {
            throw new SmbProtocolException("malformed NetServerGetInfo response: " + e.getMessage(), e);
        }
        if (resp.status() != 0 || resp.info() == null) {
            throw rapError(resp.status(), "NetServerGetInfo");
        }
        return entry(resp.info());
    }

    private static ServerEntry entry(ServerInfo1 s) {
        return new ServerEntry(s.name(), s.comment() == null ? "" : s.comment(), s.type().value(), s.majorVersion(),
                s.minorVersion());
    }
}

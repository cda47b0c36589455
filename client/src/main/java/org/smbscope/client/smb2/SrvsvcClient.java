package org.smbscope.client.smb2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.PresentationContext;
import org.smbscope.codec.dcerpc.RpcPdu;
import org.smbscope.codec.dcerpc.RpcPduCodec;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.srvsvc.SrvsvcCodec;
import org.smbscope.codec.srvsvc.SrvsvcMessage;
import org.smbscope.codec.status.NtStatus;

/**
 * NetrShareEnum over {@code \PIPE\srvsvc} on IPC$ ([MS-SRVS] 3.1.4.8): write the BIND, read the
 * BIND_ACK, then FSCTL_PIPE_TRANSCEIVE the request, reading more while BUFFER_OVERFLOW.
 */
final class SrvsvcClient {
    private static final int MAX_FRAG = 4280;

    private SrvsvcClient() {
    }

    static List<ShareInfo> netShareEnumAll(Smb2TreeImpl ipc, String serverName) throws IOException {
        CreateResponse pipe = openPipe(ipc);
        try {
            byte[] bind = RpcPduCodec.encode(RpcPdu.Bind.of(1, MAX_FRAG, PresentationContext.ndr(0, SrvsvcCodec.INTERFACE)));
            Smb2Errors.expect(ipc.call(WriteRequest.of(pipe.fileId(), 0, java.nio.ByteBuffer.wrap(bind))), "binding srvsvc");
            Incoming ackIn = ipc.call(ReadRequest.of(pipe.fileId(), 0, MAX_FRAG));
            ReadResponse ack = (ReadResponse) Smb2Errors.expect(ackIn, "reading BIND_ACK").message();
            RpcPdu ackPdu = decode(bytes(ack.data()));
            if (!(ackPdu instanceof RpcPdu.BindAck)) {
                throw new SmbProtocolException("srvsvc bind refused: " + ackPdu.getClass().getSimpleName());
            }
            for (int level : new int[] {1}) {
                byte[] stub = SrvsvcCodec.encode(new SrvsvcMessage.NetShareEnumRequest("\\\\" + serverName, level, 0xFFFFFFFFL, 0L));
                byte[] req = RpcPduCodec.encode(RpcPdu.Request.of(2, 0, SrvsvcCodec.NETR_SHARE_ENUM, stub));
                Incoming in = ipc.call(IoctlRequest.fsctl(CtlCode.FSCTL_PIPE_TRANSCEIVE, pipe.fileId(), req, MAX_FRAG));
                IoctlResponse r = (IoctlResponse) Smb2Errors.expect(in, "calling NetrShareEnum", NtStatus.BUFFER_OVERFLOW).message();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.writeBytes(r.output());
                NtStatus st = new NtStatus(in.status());
                byte[] stubOut = collect(ipc, pipe, all, st);
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
            }
            throw new SmbProtocolException("no share level worked");
        } finally {
            ipc.close(pipe.fileId());
        }
    }

    /** Opens the pipe; Samba's RPC helper may need a moment after smbd starts (OBJECT_NAME_NOT_FOUND). */
    private static CreateResponse openPipe(Smb2TreeImpl ipc) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return ipc.open("srvsvc", AccessMask.FILE_READ_DATA.value() | AccessMask.FILE_WRITE_DATA.value()
                        | AccessMask.FILE_READ_ATTRIBUTES.value() | AccessMask.SYNCHRONIZE.value(), CreateDisposition.OPEN, 0,
                        "opening pipe");
            } catch (org.smbscope.client.SmbException e) {
                if (attempt >= 10 || e.status() != NtStatus.OBJECT_NAME_NOT_FOUND.value()) {
                    throw e;
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
        }
    }

    /** Reassembles response fragments: reads more while the pipe says BUFFER_OVERFLOW or the PDU is not last. */
    private static byte[] collect(Smb2TreeImpl ipc, CreateResponse pipe, ByteArrayOutputStream first, NtStatus st)
            throws IOException {
        ByteArrayOutputStream stub = new ByteArrayOutputStream();
        byte[] buffer = first.toByteArray();
        while (true) {
            while (st.equals(NtStatus.BUFFER_OVERFLOW) || buffer.length < 16
                    || buffer.length < (((buffer[8] & 0xff) | (buffer[9] & 0xff) << 8))) {
                Incoming more = ipc.call(ReadRequest.of(pipe.fileId(), 0, MAX_FRAG));
                st = new NtStatus(more.status());
                ReadResponse rr = (ReadResponse) Smb2Errors.expect(more, "reading the pipe", NtStatus.BUFFER_OVERFLOW).message();
                byte[] b = bytes(rr.data());
                byte[] joined = java.util.Arrays.copyOf(buffer, buffer.length + b.length);
                System.arraycopy(b, 0, joined, buffer.length, b.length);
                buffer = joined;
            }
            int fragLen = (buffer[8] & 0xff) | (buffer[9] & 0xff) << 8;
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

    private static RpcPdu decode(byte[] b) throws SmbProtocolException {
        try {
            return RpcPduCodec.decode(b);
        } catch (DcerpcDecodeException e) {
            throw new SmbProtocolException("malformed DCE/RPC PDU: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(java.nio.ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return b;
    }
}

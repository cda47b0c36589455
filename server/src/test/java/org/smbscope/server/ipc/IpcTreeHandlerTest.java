package org.smbscope.server.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dcerpc.PresentationContext;
import org.smbscope.codec.dcerpc.RpcPdu;
import org.smbscope.codec.dcerpc.RpcPduCodec;
import org.smbscope.codec.dcerpc.SyntaxId;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wkssvc.WkssvcCodec;
import org.smbscope.codec.wkssvc.WkstaInfo100;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

class IpcTreeHandlerTest {
    private static final RequestContext CTX = new RequestContext(Smb2Dialect.SMB_3_1_1, "alice", false, 1 << 20, 1 << 20,
            1 << 20);

    private final IpcTreeHandler ipc;

    IpcTreeHandlerTest() throws Exception {
        ipc = new IpcTreeHandler(SmbConfParser.parse("[global]\nnetbios name = BOX\nworkgroup = WG\n", Path.of(".")));
    }

    private static CreateRequest open(String name) {
        return new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION, new AccessMask(0x0012019F), Set.of(),
                ShareAccess.of(ShareAccess.READ, ShareAccess.WRITE), CreateDisposition.OPEN, CreateOptions.NONE, name,
                List.of());
    }

    private Outcome.Done call(org.smbscope.codec.smb2.Smb2Request r) {
        return (Outcome.Done) ipc.handle(CTX, r);
    }

    @Test
    void unknownPipeIsNotFound() {
        assertThat(call(open("samr")).status()).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }

    @Test
    void wkssvcBindAndCallThroughTransceiveAndShortReads() throws Exception {
        FileId id = ((CreateResponse) call(open("wkssvc")).response()).fileId();
        byte[] bind = RpcPduCodec.encode(RpcPdu.Bind.of(1, 4280, PresentationContext.ndr(0, WkssvcCodec.INTERFACE),
                new PresentationContext(1, WkssvcCodec.INTERFACE, List.of(SyntaxId.NDR64))));
        assertThat(call(WriteRequest.of(id, 0, ByteBuffer.wrap(bind))).status()).isEqualTo(NtStatus.SUCCESS);
        Outcome.Done first = call(ReadRequest.of(id, 0, 20));
        assertThat(first.status()).isEqualTo(NtStatus.BUFFER_OVERFLOW);
        Outcome.Done rest = call(ReadRequest.of(id, 0, 4096));
        assertThat(rest.status()).isEqualTo(NtStatus.SUCCESS);
        ByteBuffer a = ((ReadResponse) first.response()).data();
        ByteBuffer b = ((ReadResponse) rest.response()).data();
        byte[] ack = new byte[a.remaining() + b.remaining()];
        a.get(ack, 0, a.remaining());
        b.get(ack, ack.length - b.remaining(), b.remaining());
        RpcPdu.BindAck bindAck = (RpcPdu.BindAck) RpcPduCodec.decode(ack);
        assertThat(bindAck.results().get(0).accepted()).isTrue();
        assertThat(bindAck.results().get(1).accepted()).isFalse();

        byte[] req = RpcPduCodec.encode(RpcPdu.Request.of(2, 0, 0,
                WkssvcCodec.encodeRequest(new WkssvcCodec.GetInfoRequest("BOX", 100))));
        Outcome.Done t = call(IoctlRequest.fsctl(CtlCode.FSCTL_PIPE_TRANSCEIVE, id, req, 4280));
        RpcPdu.Response resp = (RpcPdu.Response) RpcPduCodec.decode(((IoctlResponse) t.response()).output());
        assertThat(WkssvcCodec.decodeResponse(resp.stub())).isEqualTo(new WkstaInfo100(500, "BOX", "WG", 10, 0));

        byte[] unknownOp = RpcPduCodec.encode(RpcPdu.Request.of(3, 0, 77, new byte[0]));
        t = call(IoctlRequest.fsctl(CtlCode.FSCTL_PIPE_TRANSCEIVE, id, unknownOp, 4280));
        assertThat(RpcPduCodec.decode(((IoctlResponse) t.response()).output())).isInstanceOf(RpcPdu.Fault.class);
    }

    @Test
    void garbageBreaksThePipeAndQueryInfoAnswers() {
        FileId id = ((CreateResponse) call(open("\\PIPE\\srvsvc")).response()).fileId();
        assertThat(call(QueryInfoRequest.of(InfoType.FILE, 5, id, 64)).status()).isEqualTo(NtStatus.SUCCESS);
        byte[] junk = new byte[32];
        junk[8] = 4; // frag_length 4: shorter than a header
        assertThat(call(WriteRequest.of(id, 0, ByteBuffer.wrap(junk))).status()).isEqualTo(NtStatus.PIPE_BROKEN);
        assertThat(call(new org.smbscope.codec.smb2.CloseRequest(0, id)).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(call(ReadRequest.of(id, 0, 10)).status()).isEqualTo(NtStatus.FILE_CLOSED);
    }
}

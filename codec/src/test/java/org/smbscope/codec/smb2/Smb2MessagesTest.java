package org.smbscope.codec.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.Hex;

class Smb2MessagesTest {
    /** Samba's TREE_CONNECT response for IPC$ (b_smb3_default frame 14). */
    static final byte[] TREE_CONNECT_RESPONSE = Hex.parse("""
            fe 53 4d 42  40 00  01 00     # ProtocolId, StructureSize 64, CreditCharge 1
            00 00 00 00                   # Status SUCCESS
            03 00  01 00                  # Command TREE_CONNECT, CreditResponse 1
            19 00 00 00                   # Flags SERVER_TO_REDIR|SIGNED|priority 1
            00 00 00 00                   # NextCommand
            03 00 00 00 00 00 00 00       # MessageId 3
            00 00 00 00  df d5 86 a2      # ProcessId, TreeId
            8e 64 b4 5c 00 00 00 00       # SessionId
            b2 a9 83 31 61 c3 cf 18 da 83 61 06 18 38 eb 1d   # Signature
            10 00                         # StructureSize 16
            02 00                         # ShareType PIPE, Reserved
            30 00 00 00                   # ShareFlags NO_CACHING
            00 00 00 00                   # Capabilities
            a9 00 1f 00                   # MaximalAccess
            """);

    @Test
    void treeConnectResponseGolden() throws Exception {
        Smb2Packet p = Smb2Codec.decode(TREE_CONNECT_RESPONSE);
        assertThat(p.header().command()).isEqualTo(Smb2Command.TREE_CONNECT);
        assertThat(p.header().treeId()).isEqualTo(0xa286d5df);
        assertThat(p.header().sessionId()).isEqualTo(0x5cb4648eL);
        assertThat(p.header().flags().isSigned()).isTrue();
        assertThat(p.header().flags().priority()).isEqualTo(1);
        assertThat(p.message()).isEqualTo(new TreeConnectResponse(ShareType.PIPE, ShareFlags.NO_CACHING,
                ShareCapabilities.NONE, new AccessMask(0x001f00a9)));
        assertThat(p.message().detail().render()).isEqualTo("""
                Tree Connect Response (0x03)
                  StructureSize: 16
                  Share Type: PIPE (0x02)
                  Share flags: 0x00000030 (NO_CACHING)
                  Share Capabilities: 0x00000000
                  Maximal Access: 0x001f00a9 (READ_DATA|READ_EA|EXECUTE|READ_ATTRIBUTES|DELETE|READ_CONTROL|WRITE_DAC|WRITE_OWNER|SYNCHRONIZE)
                """);
        assertThat(p.header().detail().render()).contains("Command: TREE_CONNECT (3)", "Tree Id: 0xa286d5df",
                "Flags: 0x00000019 (SERVER_TO_REDIR|SIGNED|0x10)");
        assertThat(Smb2Codec.encode(p)).isEqualTo(TREE_CONNECT_RESPONSE);
    }

    @Test
    void negotiateFromSamba() throws Exception {
        NegotiateRequest req = (NegotiateRequest) Smb2Codec.decode(Smb2GoldenReplayTest.golden("b_smb3_default_5.bin"))
                .message();
        assertThat(req.dialects()).contains(Smb2Dialect.SMB_2_0_2, Smb2Dialect.SMB_3_1_1);
        assertThat(req.contexts()).anyMatch(c -> c instanceof NegotiateContext.PreauthIntegrity);
        assertThat(req.contexts()).anyMatch(c -> c instanceof NegotiateContext.Encryption e
                && e.ciphers().contains(Cipher.AES_128_GCM));
        NegotiateResponse resp = (NegotiateResponse) Smb2Codec.decode(
                Smb2GoldenReplayTest.golden("b_smb3_default_7.bin")).message();
        assertThat(resp.dialect()).isEqualTo(Smb2Dialect.SMB_3_1_1);
        assertThat(resp.securityBuffer()).isNotEmpty();
        assertThat(resp.context(NegotiateContext.PreauthIntegrity.class)).get()
                .satisfies(pi -> assertThat(pi.hashAlgorithms()).containsExactly(HashAlgorithm.SHA_512));
        assertThat(resp.maxReadSize()).isPositive();
        assertThat(resp.detail().render()).contains("Dialect: SMB 3.1.1 (0x0311)");
    }

    @Test
    void sessionSetupContinueAndLogonFailure() throws Exception {
        Smb2Packet cont = Smb2Codec.decode(Smb2GoldenReplayTest.golden("b_smb3_default_10.bin"));
        assertThat(cont.header().status()).isEqualTo(NtStatus.MORE_PROCESSING_REQUIRED);
        assertThat(cont.message()).isInstanceOf(SessionSetupResponse.class);
        Smb2Packet fail = Smb2Codec.decode(Smb2GoldenReplayTest.golden("d_wrong_password_12.bin"));
        assertThat(fail.header().status()).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(fail.message()).isEqualTo(ErrorResponse.empty(Smb2Command.SESSION_SETUP));
    }

    @Test
    void queryDirectoryEntries() throws Exception {
        QueryDirectoryResponse r = (QueryDirectoryResponse) Smb2Codec.decode(
                Smb2GoldenReplayTest.golden("b_smb3_default_53.bin")).message();
        List<DirectoryEntry> entries = r.entries(FileInformationClass.ID_BOTH_DIRECTORY);
        assertThat(entries).extracting(DirectoryEntry::fileName).contains(".", "..", "hello.txt", "sub");
        assertThat(entries).filteredOn(e -> e.fileName().equals("hello.txt")).singleElement()
                .satisfies(e -> assertThat(e.endOfFile()).isEqualTo(31));
        assertThat(org.smbscope.codec.fscc.DirectoryInformation.encode(FileInformationClass.ID_BOTH_DIRECTORY,
                entries)).isEqualTo(r.output());
    }

    @Test
    void readResponseSharesTheFrame() throws Exception {
        byte[] wire = Smb2Codec.encode(Smb2Header.request(Smb2Command.READ, 7).withFlags(Smb2Flags.SERVER_TO_REDIR),
                ReadResponse.of("hello".getBytes()));
        ReadResponse r = (ReadResponse) Smb2Codec.decode(wire).message();
        assertThat(r.dataBytes()).isEqualTo("hello".getBytes());
        assertThat(r.data().isReadOnly()).isTrue();
        wire[0x50] = 'j'; // the view is not a copy
        assertThat(r.dataBytes()).isEqualTo("jello".getBytes());
    }

    @Test
    void writeRequestRoundTrip() throws Exception {
        WriteRequest w = WriteRequest.of(new FileId(1, 2), 4096, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        byte[] wire = Smb2Codec.encode(Smb2Header.request(Smb2Command.WRITE, 9), w);
        assertThat(wire[64 + 2]).isEqualTo((byte) 0x70);
        assertThat(Smb2Codec.decode(wire).message()).isEqualTo(w);
    }

    @Test
    void compoundCreateQueryClose() throws Exception {
        Smb2Header h = Smb2Header.request(Smb2Command.CREATE, 1);
        CreateRequest create = new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION,
                new AccessMask(0x80), java.util.Set.of(), ShareAccess.of(ShareAccess.READ), CreateDisposition.OPEN,
                CreateOptions.NONE, "a.txt", List.of(CreateContext.maximalAccessRequest(),
                        CreateContext.queryOnDiskIdRequest()));
        Smb2Header rel = Smb2Header.request(Smb2Command.QUERY_INFO, 2).withFlags(Smb2Flags.RELATED_OPERATIONS);
        QueryInfoRequest q = QueryInfoRequest.of(InfoType.FILE, 18, FileId.RELATED, 4096);
        Smb2Header close = Smb2Header.request(Smb2Command.CLOSE, 3).withFlags(Smb2Flags.RELATED_OPERATIONS);
        List<Smb2Packet> in = List.of(new Smb2Packet(h, create), new Smb2Packet(rel, q),
                new Smb2Packet(close, new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, FileId.RELATED)));
        byte[] wire = Smb2Codec.encodeCompound(in);
        List<Smb2Packet> out = Smb2Codec.decodeAll(wire);
        assertThat(out).hasSize(3);
        assertThat(out).extracting(Smb2Packet::message).containsExactly(create, q, in.get(2).message());
        for (Smb2Compound.Part part : Smb2Compound.split(wire).subList(0, 2)) {
            assertThat(part.length() % 8).isZero();
        }
    }

    @Test
    void transformHeaderGolden() throws Exception {
        byte[] wire = Smb2GoldenReplayTest.golden("i_smb311_encrypt_13.bin");
        assertThat(Smb2Codec.kind(wire)).isEqualTo(Smb2Codec.FrameKind.TRANSFORM);
        Smb2TransformHeader t = Smb2TransformHeader.decode(wire);
        assertThat(t.originalMessageSize()).isEqualTo(wire.length - 52);
        assertThat(t.flags()).isEqualTo(Smb2TransformHeader.FLAG_ENCRYPTED);
        assertThat(t.aad()).isEqualTo(java.util.Arrays.copyOfRange(wire, 20, 52));
        assertThat(t.encode()).isEqualTo(java.util.Arrays.copyOf(wire, 52));
        assertThat(t.detail().render()).contains("Flags: 0x0001 (Encrypted)");
        assertThatThrownBy(() -> Smb2Codec.decode(wire)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("decrypt it first");
    }

    @Test
    void interimPendingIsAsync() throws Exception {
        Smb2Packet p = Smb2Codec.decode(Smb2GoldenReplayTest.golden("b_smb3_default_18.bin"));
        assertThat(p.header().isAsync()).isTrue();
        assertThat(p.header().asyncId()).isNotZero();
        assertThat(p.header().status()).isEqualTo(NtStatus.PENDING);
        assertThat(p.message()).isInstanceOf(ErrorResponse.class);
        assertThat(p.header().detail().render()).contains("Async Id: 0x").doesNotContain("Tree Id");
    }

    @Test
    void bufferOverflowKeepsTheQueryInfoLayout() throws Exception {
        Smb2Header h = Smb2Header.request(Smb2Command.QUERY_INFO, 5).withFlags(Smb2Flags.SERVER_TO_REDIR)
                .withStatus(NtStatus.BUFFER_OVERFLOW);
        QueryInfoResponse partial = new QueryInfoResponse(new byte[] {1, 2, 3, 4});
        assertThat(Smb2Codec.decode(Smb2Codec.encode(h, partial)).message()).isEqualTo(partial);
        Smb2Header denied = h.withStatus(NtStatus.ACCESS_DENIED);
        assertThat(Smb2Codec.decode(Smb2Codec.encode(denied, ErrorResponse.empty(Smb2Command.QUERY_INFO))).message())
                .isEqualTo(ErrorResponse.empty(Smb2Command.QUERY_INFO));
    }

    @Test
    void creditCharge() {
        assertThat(Smb2Header.creditChargeFor(0)).isEqualTo(1);
        assertThat(Smb2Header.creditChargeFor(65536)).isEqualTo(1);
        assertThat(Smb2Header.creditChargeFor(65537)).isEqualTo(2);
        assertThat(Smb2Header.creditChargeFor(8 * 1024 * 1024)).isEqualTo(128);
    }

    @Test
    void compressedIsRefusedClearly() {
        byte[] wire = Hex.parse("fc 53 4d 42 00 01 00 00 00 00 00 00 00 00 00 00");
        assertThat(Smb2Codec.kind(wire)).isEqualTo(Smb2Codec.FrameKind.COMPRESSED);
        assertThatThrownBy(() -> Smb2Codec.decode(wire)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("compressed messages");
        assertThatThrownBy(() -> Smb2TransformHeader.decode(wire)).hasMessageContaining("compressed messages");
    }
}

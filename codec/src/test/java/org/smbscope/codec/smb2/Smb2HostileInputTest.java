package org.smbscope.codec.smb2;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class Smb2HostileInputTest {
    private static byte[] golden(String n) throws Exception {
        return Smb2GoldenReplayTest.golden(n);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void putU32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void truncatedHeader() {
        byte[] b = Arrays.copyOf(Smb2MessagesTest.TREE_CONNECT_RESPONSE, 40);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class);
    }

    @Test
    void truncatedBody() {
        byte[] b = Arrays.copyOf(Smb2MessagesTest.TREE_CONNECT_RESPONSE, 70);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class);
    }

    @Test
    void securityBufferOffsetPastEnd() throws Exception {
        byte[] b = golden("b_smb3_default_10.bin"); // session setup response
        putU16(b, 64 + 4, 0xFFF0);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void bufferOverlappingTheHeader() throws Exception {
        byte[] b = golden("b_smb3_default_10.bin");
        putU16(b, 64 + 4, 8);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("overlaps");
    }

    @Test
    void nameLengthOdd() throws Exception {
        byte[] b = golden("b_smb3_default_13.bin"); // tree connect request
        putU16(b, 64 + 6, 23);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("odd");
    }

    @Test
    void negotiateContextCountHuge() throws Exception {
        byte[] b = golden("b_smb3_default_5.bin");
        putU16(b, 64 + 32, 0xFFFF);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("contexts");
    }

    @Test
    void compoundNextCommandNotAdvancing() throws Exception {
        byte[] one = Smb2Codec.encode(Smb2Header.request(Smb2Command.ECHO, 1), new EchoRequest());
        byte[] two = Smb2Compound.join(List.of(one, one));
        putU32(two, 20, 0); // fine: ends at first
        Smb2Codec.decodeAll(Arrays.copyOf(two, 68));
        byte[] loop = Smb2Compound.join(List.of(one, one));
        putU32(loop, 72 + 20, 72 - 72); // second: 0 ends; make first point backwards instead
        putU32(loop, 20, 8);
        assertThatThrownBy(() -> Smb2Compound.split(loop)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("at least 64");
        byte[] past = Smb2Compound.join(List.of(one, one));
        putU32(past, 20, 4096);
        assertThatThrownBy(() -> Smb2Codec.decodeAll(past)).isInstanceOf(Smb2DecodeException.class);
        byte[] unaligned = Smb2Compound.join(List.of(one, one));
        putU32(unaligned, 20, 68);
        assertThatThrownBy(() -> Smb2Codec.decodeAll(unaligned)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("multiple of 8");
    }

    @Test
    void wrongStructureSize() {
        byte[] b = Smb2MessagesTest.TREE_CONNECT_RESPONSE.clone();
        putU16(b, 64, 17);
        assertThatThrownBy(() -> Smb2Codec.decode(b)).hasMessageContaining("StructureSize 17, expected 16");
    }

    @Test
    void transformSizeMismatch() throws Exception {
        byte[] b = golden("i_smb311_encrypt_13.bin");
        putU32(b, 36, 9999);
        assertThatThrownBy(() -> Smb2TransformHeader.decode(b)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("OriginalMessageSize");
    }

    @Test
    void createContextNextLoop() throws Exception {
        CreateRequest c = new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION, AccessMask.NONE,
                java.util.Set.of(), ShareAccess.NONE, CreateDisposition.OPEN, CreateOptions.NONE, "x",
                List.of(CreateContext.maximalAccessRequest(), CreateContext.queryOnDiskIdRequest()));
        byte[] b = Smb2Codec.encode(Smb2Header.request(Smb2Command.CREATE, 1), c);
        int ctx = (b[64 + 48] & 0xFF) | (b[64 + 49] & 0xFF) << 8;
        putU32(b, ctx, 0); // first context claims to be last but length covers both: still decodes
        Smb2Codec.decode(b);
        putU32(b, ctx, 4); // Next smaller than a context header
        assertThatThrownBy(() -> Smb2Codec.decode(b)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("next offset");
    }
}

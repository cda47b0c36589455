package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.Hex;

/**
 * Large READ_ANDX responses and WRITE_ANDX requests ([MS-SMB] 2.2.4.2.2, 2.2.4.3.1: DataLengthHigh,
 * the 16-bit ByteCount cannot hold the length), Windows' NT_CREATE_ANDX response that declares
 * WordCount 42 but sends 50 words ([MS-SMB] 2.2.4.9.2), and DOS error class/code names.
 */
class LargeDataAndErrorsTest {
    static final Smb1Header REQ = Smb1Header.request(Smb1Command.WRITE_ANDX, new Smb1Flags(0x18),
            new Smb1Flags2(0xC841), 7, 0x1234, 100, 9);

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    @Test
    void largeWriteRoundTripsWithTheLowBitsInByteCount() throws Exception {
        byte[] data = pattern(70_000);
        byte[] wire = Smb1Packet.encode(REQ, new WriteAndXRequest(0x4001, 1L << 33, 0, 0, 0, data));
        // WordCount 14 at 32; ByteCount after 28 bytes of words: pad + 70000 = 70001 -> 0x1171
        assertThat(wire[32]).isEqualTo((byte) 14);
        int bc = (wire[61] & 0xFF) | (wire[62] & 0xFF) << 8;
        assertThat(bc).isEqualTo((1 + 70_000) & 0xFFFF);
        List<Smb1Message> m = Smb1Messages.decode(wire);
        WriteAndXRequest w = (WriteAndXRequest) m.get(0);
        assertThat(w.offset()).isEqualTo(1L << 33);
        assertThat(w.data()).isEqualTo(data);
    }

    @Test
    void largeReadResponseRoundTrips() throws Exception {
        byte[] data = pattern(127 * 1024);
        Smb1Header h = REQ.withCommand(Smb1Command.READ_ANDX).reply(0);
        byte[] wire = Smb1Packet.encode(h, new ReadAndXResponse(0, data));
        ReadAndXResponse r = (ReadAndXResponse) Smb1Messages.decode(wire).get(0);
        assertThat(r.data()).isEqualTo(data);
        assertThat(r.detail().render()).contains("Data Length: 130048");
    }

    @Test
    void largeDataPastTheEndIsADecodeError() {
        Smb1Header h = REQ.withCommand(Smb1Command.READ_ANDX).reply(0);
        byte[] wire = Smb1Packet.encode(h, new ReadAndXResponse(0, pattern(70_000)));
        byte[] truncated = Arrays.copyOf(wire, wire.length - 1);
        assertThatThrownBy(() -> Smb1Messages.decode(truncated)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("large data");
    }

    @Test
    void largeDataOffsetBeforeTheDataBlockIsADecodeError() {
        Smb1Header h = REQ.withCommand(Smb1Command.READ_ANDX).reply(0);
        byte[] wire = Smb1Packet.encode(h, new ReadAndXResponse(0, pattern(70_000)));
        // DataOffset (word 6 of the response, bytes 12-13 of the words) pointing into the header
        wire[32 + 1 + 12] = 10;
        wire[32 + 1 + 13] = 0;
        assertThatThrownBy(() -> Smb1Messages.decode(wire)).isInstanceOf(Smb1DecodeException.class)
                .hasMessageContaining("large data at offset 10");
    }

    @Test
    void windowsExtendedNtCreateResponseDeclares42Words() throws Exception {
        byte[] wire = Hex.parse("""
                ff534d42 a2 00000000 98 0748 0000 0000000000000000 0000 0100 3412 6400 0900   # header, reply
                2a                      # WordCount 42 (but 50 words follow)
                ff 00 0000              # AndX none
                00                      # OplockLevel
                0140                    # FID 0x4001
                01000000                # CreateDisposition FILE_OPEN
                0000000000000000 0000000000000000 0000000000000000 0000000000000000   # times
                80000000                # ExtFileAttributes NORMAL
                0010000000000000        # AllocationSize 4096
                0500000000000000        # EndOfFile 5
                0000 0700 00            # ResourceType, NMPipeStatus, Directory
                00112233445566778899aabbccddeeff   # VolumeGUID
                0102030405060708        # FileId
                ff011f00                # MaximalAccessRights
                a9001200                # GuestMaximalAccessRights
                0000                    # ByteCount 0
                """);
        NtCreateAndXResponse r = (NtCreateAndXResponse) Smb1Messages.decode(wire).get(0);
        assertThat(r.fid()).isEqualTo(0x4001);
        assertThat(r.endOfFile()).isEqualTo(5);
        assertThat(r.extended()).isTrue();
        assertThat(r.maximalAccessRights()).isEqualTo(0x001F01FFL);
    }

    @Test
    void dosErrorsHaveNamesAndNtStatuses() {
        assertThat(new DosError(1, 2).name()).isEqualTo("ERRDOS/ERRbadfile");
        assertThat(new DosError(1, 2).ntStatus()).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(new DosError(2, 2).ntStatus()).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(new DosError(0, 0).ntStatus()).isEqualTo(NtStatus.SUCCESS);
        assertThat(new DosError(1, 999).name()).isEqualTo("ERRDOS/UNKNOWN(999)");
        assertThat(new DosError(0x42, 1).name()).isEqualTo("UNKNOWN(0x42)/UNKNOWN(1)");
        assertThat(new DosError(0x42, 1).ntStatus()).isEqualTo(NtStatus.UNSUCCESSFUL);
        Smb1Header nt = new Smb1Header(Smb1Command.CLOSE, 0xC0000008, new Smb1Flags(0x80), new Smb1Flags2(Smb1Flags2.NT_STATUS),
                0, null, 0, 0, 0, 0);
        assertThat(nt.ntStatusValue()).isEqualTo(NtStatus.INVALID_HANDLE);
    }
}

package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.wire.Hex;

class Smb1LockingTest {
    private static Smb1Block block(byte[] words, byte[] data) {
        return new Smb1Block(Smb1Command.LOCKING_ANDX, words, data, 32);
    }

    @Test
    void rangesKeepTheirOwnPids() {
        byte[] words = Hex.parse("""
                ff 00 00 00      # AndX: none
                05 40            # FID 0x4005
                00 00            # TypeOfLock exclusive, NewOplockLevel 0
                e8 03 00 00      # Timeout 1000 ms
                01 00 01 00      # one unlock, one lock
                """);
        byte[] data = Hex.parse("""
                01 00  00 00 00 00  04 00 00 00   # unlock: PID 1, offset 0, length 4
                02 00  10 00 00 00  08 00 00 00   # lock: PID 2, offset 16, length 8
                """);
        Smb1Locking.Request r = Smb1Locking.parse(block(words, data));
        assertThat(r.fid()).isEqualTo(0x4005);
        assertThat(r.timeout()).isEqualTo(1000);
        assertThat(r.unlocks()).containsExactly(new Smb1Locking.Range(1, 0, 4));
        assertThat(r.locks()).containsExactly(new Smb1Locking.Range(2, 16, 8));
    }

    @Test
    void largeRangesAreHighWordFirst() {
        byte[] words = Hex.parse("ff 00 00 00  01 00  11 00  ff ff ff ff  00 00 01 00");
        byte[] data = Hex.parse("""
                07 00 00 00              # PID 7, pad
                01 00 00 00  02 00 00 00 # OffsetHigh 1, OffsetLow 2
                00 00 00 00  00 10 00 00 # LengthHigh 0, LengthLow 4096
                """);
        Smb1Locking.Request r = Smb1Locking.parse(block(words, data));
        assertThat(r.type()).isEqualTo(Smb1Locking.LARGE_FILES | Smb1Locking.SHARED);
        assertThat(r.timeout()).isEqualTo(Smb1Locking.FOREVER);
        assertThat(r.locks()).containsExactly(new Smb1Locking.Range(7, 0x1_0000_0002L, 4096));
    }

    @Test
    void anOplockReleaseCarriesTheNewLevel() {
        byte[] words = Hex.parse("ff 00 00 00  09 00  02 01  00 00 00 00  00 00 00 00");
        Smb1Locking.Request r = Smb1Locking.parse(block(words, new byte[0]));
        assertThat(r.type()).isEqualTo(Smb1Locking.OPLOCK_RELEASE);
        assertThat(r.oplockLevel()).isEqualTo(1);
        assertThat(r.locks()).isEmpty();
    }

    @Test
    void hostileRequestsAreRefused() {
        // counts past the data, wrong word count
        assertThat(Smb1Locking.parse(block(Hex.parse("ff 00 00 00  01 00  00 00  00 00 00 00  00 00 ff ff"),
                new byte[10]))).isNull();
        assertThat(Smb1Locking.parse(block(new byte[14], new byte[0]))).isNull();
        assertThat(Smb1Locking.parse(block(Hex.parse("ff 00 00 00  01 00  10 00  00 00 00 00  00 00 01 00"),
                new byte[19]))).isNull();
    }

    @Test
    void oplockLevelsMapBothWays() {
        assertThat(Smb1Oplocks.requested(0)).isEqualTo(OplockLevel.NONE);
        assertThat(Smb1Oplocks.requested(Smb1Oplocks.REQUEST_BATCH)).isEqualTo(OplockLevel.NONE);
        assertThat(Smb1Oplocks.requested(Smb1Oplocks.REQUEST_OPLOCK)).isEqualTo(OplockLevel.EXCLUSIVE);
        assertThat(Smb1Oplocks.requested(Smb1Oplocks.REQUEST_OPLOCK | Smb1Oplocks.REQUEST_BATCH))
                .isEqualTo(OplockLevel.BATCH);
        assertThat(List.of(OplockLevel.NONE, OplockLevel.EXCLUSIVE, OplockLevel.BATCH, OplockLevel.LEVEL_II).stream()
                .map(Smb1Oplocks::responseLevel)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theBreakIsAnUnsolicitedLockingAndXRequest() throws Exception {
        byte[] frame = Smb1Oplocks.breakRequest(0x0801, 0x4005, OplockLevel.LEVEL_II);
        assertThat(frame).isEqualTo(Hex.parse("""
                ff 53 4d 42  24               # SMB1, LOCKING_ANDX
                00 00 00 00                   # status
                00                            # Flags: a request
                01 40                         # Flags2: LONG_NAMES, NT_STATUS
                00 00  00 00 00 00 00 00 00 00 00 00  # PIDHigh, no signature, reserved
                01 08  ff ff  00 00  ff ff    # TID 0x0801, PID 0xFFFF, UID 0, MID 0xFFFF
                08                            # WordCount 8
                ff 00 00 00                   # no AndX
                05 40                         # FID
                02 01                         # OPLOCK_RELEASE, to level II
                00 00 00 00  00 00 00 00      # Timeout 0, no unlocks, no locks
                00 00                         # ByteCount 0
                """));
        assertThat(Smb1Packet.decode(frame).header().isReply()).isFalse();
        assertThat(Smb1Oplocks.breakRequest(1, 2, OplockLevel.NONE)[32 + 1 + 7]).isZero();
    }

    @Test
    void anOpenAndXWithAnOplockSetsTheLockBitOfAction() {
        byte[] words = new byte[30];
        words[22] = 1; // Action: opened
        org.smbscope.codec.smb1.Smb1RawMessage m = Smb1Oplocks.lockGranted(
                new org.smbscope.codec.smb1.Smb1RawMessage(Smb1Command.OPEN_ANDX, true, words, new byte[0]));
        assertThat(Smb1Legacy.u16(m.words(), 22)).isEqualTo(0x8001);
    }
}

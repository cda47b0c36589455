package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb2.FileId;

class Smb1PidLocksTest {
    private final Smb1Files.Open open = new Smb1Files.Open(null, new FileId(1, 2), "f");
    private final Smb1Files.Open other = new Smb1Files.Open(null, new FileId(3, 4), "f");

    @Test
    void anotherPidOnTheSameFidConflictsAndCannotUnlock() {
        Smb1PidLocks l = new Smb1PidLocks();
        l.add(open, 1, 100, 4, true);
        assertThat(l.lockConflicts(open, 2, 100, 4, false)).isTrue();
        assertThat(l.lockConflicts(open, 2, 104, 4, true)).isFalse();
        assertThat(l.lockConflicts(open, 1, 100, 4, true)).isFalse(); // the owner: the handler decides
        assertThat(l.lockConflicts(other, 2, 100, 4, true)).isFalse(); // other opens: the handler decides
        assertThat(l.readConflicts(open, 2, 0, 101)).isTrue();
        assertThat(l.readConflicts(open, 1, 0, 101)).isFalse();
        assertThat(l.remove(open, 2, 100, 4)).isFalse();
        assertThat(l.remove(open, 1, 100, 4)).isTrue();
        assertThat(l.readConflicts(open, 2, 0, 200)).isFalse();
    }

    @Test
    void sharedLocksBlockOtherPidsWritesNotReads() {
        Smb1PidLocks l = new Smb1PidLocks();
        l.add(open, 1, 130, 4, false);
        assertThat(l.readConflicts(open, 2, 130, 4)).isFalse();
        assertThat(l.writeConflicts(open, 2, 131, 1)).isTrue();
        assertThat(l.lockConflicts(open, 2, 130, 4, false)).isFalse();
        assertThat(l.lockConflicts(open, 2, 130, 4, true)).isTrue();
        assertThat(l.writeConflicts(open, 2, 134, 0)).isFalse(); // zero-length ranges never overlap
        assertThat(l.remove(open, 3, 0, 1)).isTrue(); // nobody has it: the handler answers
    }

    @Test
    void rangesNearTheTopOfTheOffsetSpaceDoNotWrap() {
        Smb1PidLocks l = new Smb1PidLocks();
        l.add(open, 1, -16L, 16, true);
        assertThat(l.readConflicts(open, 2, 0, 16)).isFalse();
        assertThat(l.readConflicts(open, 2, -1L, 1)).isTrue();
        l.forgetIf(o -> true);
        assertThat(l.readConflicts(open, 2, -1L, 1)).isFalse();
    }
}

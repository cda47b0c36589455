package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.server.config.ProtocolLevel;

class DialectSelectionTest {
    @Test
    void greatestCommonWithinMinMax() {
        List<Integer> all = List.of(0x0202, 0x0210, 0x0300, 0x0302, 0x0311, 0x0777);
        assertThat(DialectSelection.select(all, ProtocolLevel.SMB2_02, ProtocolLevel.SMB3_11)).contains(0x0311);
        assertThat(DialectSelection.select(all, ProtocolLevel.NT1, ProtocolLevel.SMB3_00)).contains(0x0300);
        assertThat(DialectSelection.select(List.of(0x0202), ProtocolLevel.SMB3_00, ProtocolLevel.SMB3_11)).isEmpty();
        assertThat(DialectSelection.select(List.of(0x0777), ProtocolLevel.SMB2_02, ProtocolLevel.SMB3_11)).isEmpty();
    }

    @Test
    void limitsDefaultsAreValid() {
        assertThat(ServerLimits.DEFAULTS.withMaxConnections(3).maxConnections()).isEqualTo(3);
        assertThat(ServerLimits.DEFAULTS.withMaxConnections(0)).isEqualTo(ServerLimits.DEFAULTS);
    }
}

package org.smbscope.codec.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.Guid;

class ValidateNegotiateInfoTest {
    @Test
    void roundTripAndTruncation() throws Exception {
        Guid g = Guid.parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        var req = new ValidateNegotiateInfo.Request(Capabilities.of(Capabilities.LARGE_MTU), g,
                SecurityMode.SIGNING_ENABLED, List.of(Smb2Dialect.SMB_3_0, Smb2Dialect.SMB_3_0_2));
        byte[] b = req.encode();
        assertThat(b).hasSize(28);
        assertThat(ValidateNegotiateInfo.Request.decode(b)).isEqualTo(req);
        var resp = new ValidateNegotiateInfo.Response(Capabilities.NONE, g, SecurityMode.SIGNING_REQUIRED,
                Smb2Dialect.SMB_3_0_2);
        assertThat(ValidateNegotiateInfo.Response.decode(resp.encode())).isEqualTo(resp);
        assertThatThrownBy(() -> ValidateNegotiateInfo.Response.decode(new byte[10]))
                .isInstanceOf(Smb2DecodeException.class);
        byte[] huge = b.clone();
        huge[22] = (byte) 0xff;
        assertThatThrownBy(() -> ValidateNegotiateInfo.Request.decode(huge)).isInstanceOf(Smb2DecodeException.class);
    }
}

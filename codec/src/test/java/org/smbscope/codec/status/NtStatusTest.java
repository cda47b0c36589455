package org.smbscope.codec.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

class NtStatusTest {
    @Test
    void logonFailureAsWindowsAndSambaShowIt() {
        NtStatus s = NtStatus.of(0xC000006D);
        assertThat(s).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(s.name()).isEqualTo("STATUS_LOGON_FAILURE");
        assertThat(s.sambaName()).isEqualTo("NT_STATUS_LOGON_FAILURE");
        assertThat(s.isError()).isTrue();
        assertThat(s.win32()).contains(new Win32Error(1326));
        assertThat(s.win32().orElseThrow().systemErrorText())
                .isEqualTo("System error 1326 has occurred.\n\nThe user name or password is incorrect.");
    }

    @Test
    void mappings() {
        assertThat(NtStatus.ACCESS_DENIED.win32().orElseThrow().message()).isEqualTo("Access is denied.");
        assertThat(NtStatus.BAD_NETWORK_NAME.win32().orElseThrow().code()).isEqualTo(67);
        assertThat(NtStatus.BAD_NETWORK_NAME.win32().orElseThrow().message())
                .isEqualTo("The network name cannot be found.");
        assertThat(NtStatus.ACCOUNT_DISABLED.win32().orElseThrow().code()).isEqualTo(1331);
        assertThat(NtStatus.PASSWORD_EXPIRED.win32().orElseThrow().code()).isEqualTo(1330);
        assertThat(NtStatus.LOGIN_WKSTA_RESTRICTION.win32().orElseThrow().message())
                .isEqualTo("The account is not authorized to log in from this station.");
        assertThat(NtStatus.INVALID_SIGNATURE.value()).isEqualTo(0xC000A000);
        assertThat(NtStatus.INVALID_SIGNATURE.win32()).isEmpty();
    }

    @Test
    void unknownKeepsItsNumber() {
        NtStatus s = NtStatus.of(0xC0001234);
        assertThat(s.isKnown()).isFalse();
        assertThat(s.name()).isEqualTo("UNKNOWN(0xc0001234)");
        assertThat(s.sambaName()).isEqualTo("NT_STATUS_UNKNOWN(0xC0001234)");
        assertThat(s.severity()).isEqualTo(NtStatus.Severity.ERROR);
        assertThat(NtStatus.BUFFER_OVERFLOW.isWarning()).isTrue();
        assertThat(NtStatus.PENDING.isSuccess()).isTrue();
        assertThat(new Win32Error(99999).name()).isEqualTo("ERROR_UNKNOWN(99999)");
    }

    @Test
    void everyConstantIsNamedAndItsWin32CodeIsKnown() throws Exception {
        for (Field f : NtStatus.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == NtStatus.class) {
                NtStatus s = (NtStatus) f.get(null);
                assertThat(s.name()).as(f.getName()).isEqualTo("STATUS_" + f.getName());
                s.win32().ifPresent(w -> assertThat(w.isKnown()).as(f.getName() + " -> " + w.code()).isTrue());
            }
        }
    }
}

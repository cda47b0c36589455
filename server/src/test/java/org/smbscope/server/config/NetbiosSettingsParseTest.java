package org.smbscope.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** smb.conf's NetBIOS, browsing and SPN validation options. */
class NetbiosSettingsParseTest {
    static ServerConfig parse(String global) throws Exception {
        return SmbConfParser.parse("[global]\n" + global, Path.of("."));
    }

    @Test
    void defaultsAreSambas() throws Exception {
        ServerConfig c = parse("");
        assertThat(c.netbios()).isEqualTo(NetbiosSettings.DEFAULT);
        assertThat(c.netbios().disableNetbios()).isFalse();
        assertThat(c.netbios().localMaster()).isTrue();
        assertThat(c.netbios().osLevel()).isEqualTo(20);
        assertThat(c.spnValidation()).isEqualTo(SpnValidationLevel.OFF);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void everyOption() throws Exception {
        ServerConfig c = parse("""
                disable netbios = yes
                netbios aliases = files, Printsrv
                server string = Lab file server
                local master = no
                preferred master = yes
                domain master = yes
                os level = 65
                remote announce = 10.0.0.255/LAB 127.0.0.70
                server spn target name validation = required
                """);
        assertThat(c.netbios()).isEqualTo(new NetbiosSettings(true, java.util.List.of("FILES", "PRINTSRV"),
                "Lab file server", false, true, true, 65, java.util.List.of("10.0.0.255/LAB", "127.0.0.70")));
        assertThat(c.spnValidation()).isEqualTo(SpnValidationLevel.REQUIRED);
        assertThat(c.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"off,OFF", "0,OFF", "accept if provided,ACCEPT_IF_PROVIDED", "Accept  If Provided,ACCEPT_IF_PROVIDED",
        "1,ACCEPT_IF_PROVIDED", "required,REQUIRED", "2,REQUIRED"})
    void spnLevels(String value, SpnValidationLevel level) throws Exception {
        ServerConfig c = parse("server spn target name validation = " + value + "\n");
        assertThat(c.spnValidation()).isEqualTo(level);
        assertThat(level.registryValue()).isEqualTo(level.ordinal());
    }

    @Test
    void badValuesWarnAndFallBack() throws Exception {
        ServerConfig c = parse("""
                server spn target name validation = sometimes
                os level = 300
                netbios aliases = WAYTOOLONGFORNETBIOS
                """);
        assertThat(c.spnValidation()).isEqualTo(SpnValidationLevel.OFF);
        assertThat(c.netbios().osLevel()).isEqualTo(255);
        assertThat(c.netbios().aliases()).isEmpty();
        assertThat(c.warnings()).hasSize(3).anyMatch(w -> w.contains("unknown value 'sometimes'"));
    }
}

package org.smbscope.interop.ourserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/** Samba's rpcclient against our IPC$: srvsvc (srvinfo, share enum, share info) and wkssvc (NetWkstaGetInfo 100). */
class RpcclientAgainstOurServerTest {
    @TempDir
    static Path dir;
    static OurServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("rpcclient");
        server = OurServer.start(dir, "netbios name = OURBOX\nworkgroup = LABGROUP", "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ProcessResult rpcclient(String command, String... extra) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Peers.require("rpcclient").toString(), "-s",
                server.clientConf.toString(), "-U", OurServer.CREDS, server.address.getHostAddress(), "-c", command));
        cmd.addAll(List.of(extra));
        return ProcessRunner.run(Duration.ofSeconds(60), cmd);
    }

    @Test
    void srvinfo() {
        assertThat(rpcclient("srvinfo").stdout()).contains("OURBOX").contains("platform_id     :\t500")
                .contains("os version      :\t10.0");
    }

    @Test
    void netshareenumallHidesUnbrowseableShares() {
        assertThat(rpcclient("netshareenumall").stdout()).contains("netname: share").contains("remark:\tour test share")
                .contains("netname: IPC$").doesNotContain("secret");
    }

    @Test
    void netsharegetinfoFindsHiddenShares() {
        assertThat(rpcclient("netsharegetinfo secret 1").stdout()).contains("netname: secret");
        ProcessResult missing = rpcclient("netsharegetinfo nosuch 1");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("WERR_NERR_NETNAMENOTFOUND");
    }

    @Test
    void wkssvcWkstaGetInfo() {
        assertThat(rpcclient("wkssvc_wkstagetinfo", "-d", "10").output()).contains("server_name              : 'OURBOX'")
                .contains("domain_name              : 'LABGROUP'").contains("result                   : WERR_OK");
    }
}

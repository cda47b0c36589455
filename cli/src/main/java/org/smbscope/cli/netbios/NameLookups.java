package org.smbscope.cli.netbios;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.client.netbios.NameClient;
import org.smbscope.client.netbios.NameClientConfig;
import org.smbscope.client.netbios.NameProtocolException;
import org.smbscope.client.netbios.NameTimeoutException;

/** What nmblookup and nbtstat share: the client set-up and the mapping of failures to exit codes. */
final class NameLookups {
    private NameLookups() {
    }

    static NameClient client(Duration timeout, int retries, boolean port137) {
        return new NameClient(NameClientConfig.builder().timeout(timeout).retries(retries)
                .localPort(port137 ? NameClient.PORT : 0).build());
    }

    static InetAddress address(String text, String what) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new CommandFailedException(ExitCode.USAGE, "cannot resolve " + what + " '" + text + "'");
        }
    }

    static InetSocketAddress target(String text, int port, String what) {
        return new InetSocketAddress(address(text, what), port);
    }

    /** Maps a client failure to the user-facing error and exit code. */
    static CommandFailedException failure(IOException e) {
        if (e instanceof NameTimeoutException t) {
            return new CommandFailedException(ExitCode.NETWORK, t.getMessage(), t);
        }
        if (e instanceof NameProtocolException p) {
            return new CommandFailedException(ExitCode.PROTOCOL, p.getMessage(), p);
        }
        return new CommandFailedException(ExitCode.NETWORK, e.getMessage(), e);
    }
}

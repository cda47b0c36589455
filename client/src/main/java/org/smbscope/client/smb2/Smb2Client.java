package org.smbscope.client.smb2;

import java.io.IOException;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.transport.Transport;

/** Entry point of the SMB 2/3 runtime: negotiates over a connected transport. */
public final class Smb2Client {
    private Smb2Client() {
    }

    public static SmbConnection negotiate(Transport transport, ClientConfig config, String serverName) throws IOException {
        throw new IOException("SMB2 negotiate is not wired yet");
    }
}

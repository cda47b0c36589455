package org.smbscope.client;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.smbscope.client.smb2.Smb2Client;
import org.smbscope.client.transport.DirectTcpTransport;
import org.smbscope.client.transport.NetbiosSessionTransport;
import org.smbscope.client.transport.Transport;

/**
 * The client's front door: connects a transport (direct TCP, or the NetBIOS session service on
 * port 139) and negotiates behind one {@link SmbConnection} API: SMB 2.0.2 to 3.1.1 with an SMB2
 * NEGOTIATE, or, when the min protocol is NT1, a multi-protocol SMB1 NEGOTIATE that lands on NT LM 0.12
 * or upgrades to SMB2 ({@link SmbConnection#multiProtocol()} records which and why).
 */
public final class SmbClient {
    private SmbClient() {
    }

    /** Connects to {@code address:port}; {@code serverName} is used for the NetBIOS called name and the 3.1.1 netname. */
    public static SmbConnection connect(ClientConfig config, String address, int port, String serverName)
            throws IOException {
        InetSocketAddress socket = new InetSocketAddress(address, port);
        if (socket.isUnresolved()) {
            throw new java.net.UnknownHostException(address);
        }
        Transport transport = port == NetbiosSessionTransport.DEFAULT_PORT
                ? NetbiosSessionTransport.connect(socket, calledName(serverName), config.workstation(), config.transport())
                : DirectTcpTransport.connect(socket, config.transport());
        try {
            return config.minDialect().isSmb1()
                    ? org.smbscope.client.smb1.Smb1Client.negotiate(transport, config, serverName)
                    : Smb2Client.negotiate(transport, config, serverName);
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    public static SmbConnection connect(ClientConfig config, String host, int port) throws IOException {
        return connect(config, host, port, host);
    }

    /** A NetBIOS name for the server: its name if it looks like one, else {@code *SMBSERVER}. */
    static String calledName(String serverName) {
        if (serverName == null || serverName.isEmpty() || serverName.length() > 15
                || serverName.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
            return "*SMBSERVER";
        }
        String first = serverName.split("\\.")[0];
        return first.isEmpty() ? "*SMBSERVER" : first;
    }
}

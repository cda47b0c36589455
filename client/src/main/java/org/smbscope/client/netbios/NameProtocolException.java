package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.smbscope.codec.netbios.NetbiosDecodeException;

/** The only answers from the target were malformed; {@link #getCause()} says where and why. */
public final class NameProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    NameProtocolException(InetSocketAddress target, NetbiosDecodeException cause) {
        super("malformed answer from " + target.getAddress().getHostAddress() + ":" + target.getPort() + ": "
                + cause.getMessage(), cause);
    }
}

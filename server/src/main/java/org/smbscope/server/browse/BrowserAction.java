package org.smbscope.server.browse;

import java.net.Inet4Address;
import java.util.Objects;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.browse.BrowserMessage;

/** What the browser asks its runtime to do: send a mailslot message, or add or drop one of our NetBIOS names. */
public sealed interface BrowserAction {

    /** Broadcast {@code message} on the subnet to {@code destination} (a group name, or a unique one like &lt;1D&gt;). */
    record Broadcast(NetbiosName destination, boolean group, BrowserMessage message) implements BrowserAction {
        public Broadcast {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Send {@code message} to one host's datagram service, addressed to {@code destination}. */
    record Unicast(Inet4Address address, NetbiosName destination, BrowserMessage message) implements BrowserAction {
        public Unicast {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Start owning (register and answer for) a name: WORKGROUP&lt;1D&gt;, __MSBROWSE__&lt;01&gt;, WORKGROUP&lt;1B&gt;. */
    record AddName(NetbiosName name, boolean group) implements BrowserAction {
        public AddName {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Stop owning a name (release it). */
    record DropName(NetbiosName name) implements BrowserAction {
        public DropName {
            Objects.requireNonNull(name, "name");
        }
    }
}

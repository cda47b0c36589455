package org.smbscope.client;

import java.io.IOException;

/** A browse list cannot be had over this session, with the reason (e.g. NetServerEnum2 needs SMB1). */
public class BrowseUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public BrowseUnavailableException(String reason) {
        super(reason);
    }
}

package org.smbscope.server.browse;

import java.time.Clock;
import java.time.Duration;

/** Browse lists with given entries, for tests outside this package. */
public final class BrowseListFixture {
    private BrowseListFixture() {
    }

    public static BrowseList of(Clock clock, BrowseServer... servers) {
        BrowseList l = new BrowseList(clock);
        for (BrowseServer s : servers) {
            l.put(s, Duration.ofMinutes(12));
        }
        return l;
    }
}

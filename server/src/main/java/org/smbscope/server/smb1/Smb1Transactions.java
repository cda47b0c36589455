package org.smbscope.server.smb1;

import java.util.HashMap;
import java.util.Map;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionSecondaryRequest;

/**
 * Transactions whose parameters or data did not fit one message ([MS-CIFS] 3.3.5.57 and 3.3.5.58): the primary is
 * kept (keyed by UID, TID, PID and MID) until the TRANSACTION(2)_SECONDARY requests have filled the declared totals;
 * each piece lands at its displacement and must stay inside the totals. At most {@link #MAX_TOTAL} bytes and
 * {@link #MAX_PENDING} transactions per connection.
 */
final class Smb1Transactions {
    static final int MAX_TOTAL = 1 << 20;
    static final int MAX_PENDING = 16;

    private record Key(int uid, int tid, long pid, int mid) {
        static Key of(Smb1Header h) {
            return new Key(h.uid(), h.tid(), h.pid(), h.mid());
        }
    }

    private static final class Pending {
        final TransactionRequest primary;
        final byte[] params;
        final byte[] data;
        int paramsReceived;
        int dataReceived;

        Pending(TransactionRequest primary) {
            this.primary = primary;
            this.params = new byte[primary.totalParameterCount()];
            this.data = new byte[primary.totalDataCount()];
        }

        boolean put(int pDisp, byte[] p, int dDisp, byte[] d) {
            if (pDisp < 0 || dDisp < 0 || (long) pDisp + p.length > params.length || (long) dDisp + d.length > data.length) {
                return false;
            }
            System.arraycopy(p, 0, params, pDisp, p.length);
            System.arraycopy(d, 0, data, dDisp, d.length);
            paramsReceived += p.length;
            dataReceived += d.length;
            return true;
        }

        boolean complete() {
            return paramsReceived >= params.length && dataReceived >= data.length;
        }

        TransactionRequest whole() {
            TransactionRequest t = primary;
            return new TransactionRequest(t.command(), t.name(), params.length, data.length, t.maxParameterCount(),
                    t.maxDataCount(), t.maxSetupCount(), t.flags(), t.timeout(), t.setup(), params, data);
        }
    }

    private final Map<Key, Pending> pending = new HashMap<>();

    /** Keeps an incomplete primary; returns the whole request at once when the totals are already met, else null. */
    TransactionRequest primary(Smb1Header h, TransactionRequest tr) throws Smb1Dispatcher.Drop {
        if (tr.totalParameterCount() > MAX_TOTAL || tr.totalDataCount() > MAX_TOTAL || pending.size() >= MAX_PENDING) {
            throw new Smb1Dispatcher.Drop("transaction too large or too many pending");
        }
        Pending p = new Pending(tr);
        if (!p.put(0, tr.parameters(), 0, tr.data())) {
            throw new Smb1Dispatcher.Drop("primary transaction larger than its totals");
        }
        pending.put(Key.of(h), p);
        return null;
    }

    /** Adds a secondary; returns the whole request once complete, else null. */
    TransactionRequest secondary(Smb1Header h, TransactionSecondaryRequest sec) throws Smb1Dispatcher.Drop {
        Pending p = pending.get(Key.of(h));
        if (p == null) {
            throw new Smb1Dispatcher.Drop("secondary transaction without a primary");
        }
        boolean trans2 = p.primary.command().equals(Smb1Command.TRANSACTION2);
        if (trans2 != sec.command().equals(Smb1Command.TRANSACTION2_SECONDARY)) {
            throw new Smb1Dispatcher.Drop("secondary of the wrong kind");
        }
        if (!p.put(sec.parameterDisplacement(), sec.parameters(), sec.dataDisplacement(), sec.data())) {
            throw new Smb1Dispatcher.Drop("secondary transaction outside the totals");
        }
        if (!p.complete()) {
            return null;
        }
        pending.remove(Key.of(h));
        return p.whole();
    }
}

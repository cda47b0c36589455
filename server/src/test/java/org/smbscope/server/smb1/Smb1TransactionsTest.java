package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Flags;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionSecondaryRequest;

class Smb1TransactionsTest {
    private static final Smb1Header H = Smb1Header.request(Smb1Command.TRANSACTION2, Smb1Flags.NONE, Smb1Flags2.NONE, 1, 2,
            3, 4);

    private static TransactionRequest primary(int totalParams, int totalData, byte[] p, byte[] d) {
        return new TransactionRequest(Smb1Command.TRANSACTION2, "", totalParams, totalData, 10, 100, 0, 0, 0,
                new int[] {1}, p, d);
    }

    private static TransactionSecondaryRequest secondary(int totalParams, int totalData, int pDisp, int dDisp, byte[] p,
            byte[] d) {
        return new TransactionSecondaryRequest(Smb1Command.TRANSACTION2_SECONDARY, totalParams, totalData, pDisp, dDisp,
                0xFFFF, p, d);
    }

    @Test
    void piecesLandAtTheirDisplacements() throws Exception {
        Smb1Transactions t = new Smb1Transactions();
        assertThat(t.primary(H, primary(4, 6, new byte[] {1, 2}, new byte[] {9}))).isNull();
        assertThat(t.secondary(H, secondary(4, 6, 0, 3, new byte[0], new byte[] {7, 7, 7}))).isNull();
        TransactionRequest whole = t.secondary(H, secondary(4, 6, 2, 1, new byte[] {3, 4}, new byte[] {8, 8}));
        assertThat(whole.parameters()).containsExactly(1, 2, 3, 4);
        assertThat(whole.data()).containsExactly(9, 8, 8, 7, 7, 7);
        assertThat(whole.totalParameterCount()).isEqualTo(4);
        assertThat(whole.setup()).containsExactly(1);
    }

    @Test
    void hostileSecondariesDrop() throws Exception {
        Smb1Transactions t = new Smb1Transactions();
        assertThatThrownBy(() -> t.secondary(H, secondary(4, 0, 0, 0, new byte[1], new byte[0])))
                .isInstanceOf(Smb1Dispatcher.Drop.class).hasMessageContaining("without a primary");
        t.primary(H, primary(4, 0, new byte[1], new byte[0]));
        assertThatThrownBy(() -> t.secondary(H, secondary(4, 0, 3, 0, new byte[2], new byte[0])))
                .isInstanceOf(Smb1Dispatcher.Drop.class).hasMessageContaining("outside the totals");
        Smb1Transactions big = new Smb1Transactions();
        assertThatThrownBy(() -> big.primary(H, primary(Smb1Transactions.MAX_TOTAL + 1, 0, new byte[0], new byte[0])))
                .isInstanceOf(Smb1Dispatcher.Drop.class);
        Smb1Transactions wrongKind = new Smb1Transactions();
        wrongKind.primary(H, primary(2, 0, new byte[1], new byte[0]));
        assertThatThrownBy(() -> wrongKind.secondary(H, new TransactionSecondaryRequest(Smb1Command.TRANSACTION_SECONDARY,
                2, 0, 1, 0, 0, new byte[1], new byte[0]))).isInstanceOf(Smb1Dispatcher.Drop.class);
    }
}

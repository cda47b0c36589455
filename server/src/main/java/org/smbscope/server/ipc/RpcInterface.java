package org.smbscope.server.ipc;

import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.SyntaxId;

/** One RPC interface served over a pipe: its syntax and its calls (stub in, stub out). */
interface RpcInterface {
    SyntaxId syntax();

    /** The response stub of call {@code opnum}. */
    byte[] call(int opnum, byte[] stub) throws DcerpcDecodeException, UnknownOpnum;

    /** An opnum the interface does not implement (answered with the fault nca_s_op_rng_error). */
    final class UnknownOpnum extends Exception {
        UnknownOpnum(int opnum) {
            super("opnum " + opnum, null, false, false);
        }
    }
}

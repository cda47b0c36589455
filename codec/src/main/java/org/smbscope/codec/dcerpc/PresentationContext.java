package org.smbscope.codec.dcerpc;

import java.util.List;

/**
 * One p_cont_elem_t of a BIND or ALTER_CONTEXT ([C706] 12.6.3.1): a context id, the abstract
 * syntax (the interface) and the transfer syntaxes offered for it.
 */
public record PresentationContext(int contextId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {
    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** The usual single-syntax context: the interface over NDR 2.0. */
    public static PresentationContext ndr(int contextId, SyntaxId iface) {
        return new PresentationContext(contextId, iface, List.of(SyntaxId.NDR));
    }
}

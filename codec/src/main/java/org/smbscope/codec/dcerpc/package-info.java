/**
 * Connection-oriented DCE/RPC ([C706] chapter 12, [MS-RPCE] 2.2) and NDR 2.0 ([C706] chapter 14).
 * <ul>
 * <li>{@link org.smbscope.codec.dcerpc.RpcPduCodec}: {@code encode(RpcPdu)}, {@code decode(bytes)},
 *     {@code fragmentLength(...)} to split a pipe's byte stream;</li>
 * <li>{@link org.smbscope.codec.dcerpc.RpcPdu}: Bind ({@code Bind.of(callId, maxFrag,
 *     PresentationContext.ndr(0, iface))}), BindAck, BindNak, Request ({@code Request.of}),
 *     Response, Fault ({@link org.smbscope.codec.dcerpc.FaultStatus}), Other;</li>
 * <li>{@link org.smbscope.codec.dcerpc.RpcReassembler}: joins FIRST..LAST fragments (bounded),
 *     {@code fragmentRequest} splits a large stub;</li>
 * <li>{@link org.smbscope.codec.dcerpc.NdrWriter} / {@link org.smbscope.codec.dcerpc.NdrReader}:
 *     aligned primitives, deferred unique/full pointers, conformant (varying) arrays and strings.</li>
 * </ul>
 */
package org.smbscope.codec.dcerpc;

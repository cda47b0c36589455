/**
 * The Server Service remote protocol ([MS-SRVS]) as NDR stubs: {@link org.smbscope.codec.srvsvc.SrvsvcCodec}
 * encodes any {@link org.smbscope.codec.srvsvc.SrvsvcMessage} ({@code encode(msg)}) and decodes
 * {@code decodeRequest(opnum, stub)} / {@code decodeResponse(opnum, stub)}: NetrShareEnum (15,
 * levels 0/1/2), NetrShareGetInfo (16), NetrServerGetInfo (21, levels 100/101). Bind to
 * {@code SrvsvcCodec.INTERFACE} over \PIPE\srvsvc with {@link org.smbscope.codec.dcerpc.RpcPduCodec}.
 */
package org.smbscope.codec.srvsvc;

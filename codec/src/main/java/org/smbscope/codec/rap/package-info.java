/**
 * Remote Administration Protocol ([MS-RAP]) carried over SMB1 TRANSACTION on {@code \PIPE\LANMAN}:
 * pure encode/decode of NetShareEnum (0), NetServerGetInfo (13) and NetServerEnum2 (104), level 1.
 *
 * <p>API: {@link org.smbscope.codec.rap.RapRequests#decode(byte[])} / {@code RapRequest.encode()} for the
 * Trans_Parameters of a request; {@code RapResponse.NetShareEnum.decode(params, data)} (and the other
 * two) for the response's Trans_Parameters and Trans_Data, {@code encodeParameters()/encodeData()} for
 * a server. String pointers are resolved relative to the converter and bounded; failures throw
 * {@link org.smbscope.codec.rap.RapDecodeException}.
 */
package org.smbscope.codec.rap;

package org.smbscope.codec.ntlm;

import java.util.Arrays;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-NLMP] 2.2.2.8 NTLMv2_RESPONSE with its 2.2.2.7 NTLMv2_CLIENT_CHALLENGE: the 16-byte
 * NTProofStr, then RespType 1, HiRespType 1, the client's timestamp, the 8-byte client
 * challenge and the AV pairs the client signs (the server's target info plus its own additions),
 * followed by four zero bytes.
 */
public record NtlmV2Response(byte[] ntProofStr, int respType, int hiRespType, long timestamp,
        byte[] clientChallenge, TargetInfo avPairs) {
    public NtlmV2Response {
        ntProofStr = ntProofStr.clone();
        clientChallenge = clientChallenge.clone();
    }

    @Override
    public byte[] ntProofStr() {
        return ntProofStr.clone();
    }

    @Override
    public byte[] clientChallenge() {
        return clientChallenge.clone();
    }

    /** Decodes an NtChallengeResponse longer than 24 bytes. */
    public static NtlmV2Response decode(byte[] nt) throws NtlmDecodeException {
        try {
            WireReader r = WireReader.of(nt, NtlmDecodeException::new);
            byte[] proof = r.bytes("NTProofStr", 16);
            int resp = r.u8("RespType");
            int hi = r.u8("HiRespType");
            r.skip("Reserved1", 6);
            long ts = r.u64le("TimeStamp");
            byte[] cc = r.bytes("ChallengeFromClient", 8);
            r.skip("Reserved3", 4);
            TargetInfo pairs = TargetInfo.read(r);
            return new NtlmV2Response(proof, resp, hi, ts, cc, pairs);
        } catch (DecodeException e) {
            throw NtlmMessage.asNtlm(e);
        }
    }

    /** The "temp" of [MS-NLMP] 3.3.2: the client challenge structure the proof is computed over. */
    static byte[] temp(long timestamp, byte[] clientChallenge, byte[] avPairs) {
        WireWriter w = new WireWriter();
        w.u8(1).u8(1).zeros(6).u64le(timestamp).bytes(clientChallenge).zeros(4).bytes(avPairs).zeros(4);
        return w.toByteArray();
    }

    public Detail detail() {
        return Detail.of("NTLMv2 Response")
                .field("NTProofStr", Hex.format(ntProofStr))
                .field("Response Version", respType)
                .field("Hi Response Version", hiRespType)
                .field("Time", FileTime.toInstant(timestamp))
                .field("NTLMv2 Client Challenge", Hex.format(clientChallenge))
                .child(avPairs.detail("Attributes"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmV2Response v && Arrays.equals(v.ntProofStr, ntProofStr)
                && v.timestamp == timestamp && Arrays.equals(v.clientChallenge, clientChallenge)
                && v.avPairs.equals(avPairs) && v.respType == respType && v.hiRespType == hiRespType;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ntProofStr);
    }
}

package org.smbscope.codec.ntlm;

import java.util.Objects;

/**
 * Settings of an {@link NtlmClientContext}. Immutable; {@code with*} methods return copies.
 *
 * @param workstation sent in AUTHENTICATE ("" to send none)
 * @param seal whether to ask for NTLMSSP_NEGOTIATE_SEAL (DCE/RPC privacy)
 * @param targetSpn MsvAvTargetName for NTLMv2, e.g. "cifs/server"; null to leave it out
 * @param channelBindingsHash MsvAvChannelBindings (16 bytes); null to leave it out
 * @param sendMic whether to add MsvAvFlags "MIC present" and a MIC when the server sent a timestamp
 */
public record NtlmClientConfig(NtlmCredentials credentials, LmCompatibilityLevel level, String workstation,
        Version version, boolean seal, String targetSpn, byte[] channelBindingsHash, boolean sendMic) {
    public NtlmClientConfig {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(level, "level");
        workstation = workstation == null ? "" : workstation;
        if (channelBindingsHash != null && channelBindingsHash.length != 16) {
            throw new IllegalArgumentException("channel bindings hash is 16 bytes");
        }
        channelBindingsHash = channelBindingsHash == null ? null : channelBindingsHash.clone();
    }

    /** NTLMv2 (level 3), signing, MIC, SPN "cifs/{host}" when a host is given. */
    public static NtlmClientConfig defaults(NtlmCredentials credentials, String host) {
        return new NtlmClientConfig(credentials, LmCompatibilityLevel.SEND_NTLMV2_ONLY, "SMBSCOPE", Version.DEFAULT,
                false, host == null ? null : "cifs/" + host, null, true);
    }

    public NtlmClientConfig withLevel(LmCompatibilityLevel l) {
        return new NtlmClientConfig(credentials, l, workstation, version, seal, targetSpn, channelBindingsHash, sendMic);
    }

    public NtlmClientConfig withWorkstation(String w) {
        return new NtlmClientConfig(credentials, level, w, version, seal, targetSpn, channelBindingsHash, sendMic);
    }

    public NtlmClientConfig withSeal(boolean s) {
        return new NtlmClientConfig(credentials, level, workstation, version, s, targetSpn, channelBindingsHash, sendMic);
    }

    public NtlmClientConfig withTargetSpn(String spn) {
        return new NtlmClientConfig(credentials, level, workstation, version, seal, spn, channelBindingsHash, sendMic);
    }

    public NtlmClientConfig withChannelBindings(byte[] hash) {
        return new NtlmClientConfig(credentials, level, workstation, version, seal, targetSpn, hash, sendMic);
    }

    public NtlmClientConfig withMic(boolean mic) {
        return new NtlmClientConfig(credentials, level, workstation, version, seal, targetSpn, channelBindingsHash, mic);
    }

    @Override
    public byte[] channelBindingsHash() {
        return channelBindingsHash == null ? null : channelBindingsHash.clone();
    }
}

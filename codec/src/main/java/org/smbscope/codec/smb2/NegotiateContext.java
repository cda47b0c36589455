package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A 3.1.1 negotiate context, [MS-SMB2] 2.2.3.1: ContextType, DataLength, Reserved, Data; in a list,
 * each context starts 8-byte aligned (relative to the start of the SMB2 header).
 */
public sealed interface NegotiateContext {
    NegotiateContextType type();

    /** Writes the Data field. */
    void writeData(WireWriter w);

    Detail detail();

    /** Hard cap on the number of contexts accepted from the wire. */
    int MAX_CONTEXTS = 64;

    /** SMB2_PREAUTH_INTEGRITY_CAPABILITIES, 2.2.3.1.1. */
    record PreauthIntegrity(List<HashAlgorithm> hashAlgorithms, byte[] salt) implements NegotiateContext {
        public PreauthIntegrity {
            hashAlgorithms = List.copyOf(hashAlgorithms);
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public NegotiateContextType type() {
            return NegotiateContextType.PREAUTH_INTEGRITY_CAPABILITIES;
        }

        @Override
        public void writeData(WireWriter w) {
            w.u16le(hashAlgorithms.size()).u16le(salt.length);
            hashAlgorithms.forEach(h -> w.u16le(h.value()));
            w.bytes(salt);
        }

        static PreauthIntegrity read(WireReader r) throws DecodeException {
            int count = r.u16le("HashAlgorithmCount");
            int saltLength = r.u16le("SaltLength");
            if (count * 2 > r.remaining()) {
                throw r.fail("HashAlgorithmCount", count + " algorithms do not fit");
            }
            List<HashAlgorithm> algs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                algs.add(new HashAlgorithm(r.u16le("HashAlgorithms")));
            }
            return new PreauthIntegrity(algs, r.bytes("Salt", saltLength));
        }

        @Override
        public Detail detail() {
            Detail d = Detail.of("Negotiate Context: " + type().name());
            hashAlgorithms.forEach(h -> d.field("Hash Algorithm", h));
            return d.field("Salt", Bits.hex(salt));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PreauthIntegrity p && hashAlgorithms.equals(p.hashAlgorithms)
                    && Arrays.equals(salt, p.salt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hashAlgorithms, Arrays.hashCode(salt));
        }

        @Override
        public String toString() {
            return "PreauthIntegrity[" + hashAlgorithms + ", salt=" + Bits.hex(salt) + "]";
        }
    }

    /** SMB2_ENCRYPTION_CAPABILITIES, 2.2.3.1.2 (a response carries exactly one cipher). */
    record Encryption(List<Cipher> ciphers) implements NegotiateContext {
        public Encryption {
            ciphers = List.copyOf(ciphers);
        }

        @Override
        public NegotiateContextType type() {
            return NegotiateContextType.ENCRYPTION_CAPABILITIES;
        }

        @Override
        public void writeData(WireWriter w) {
            w.u16le(ciphers.size());
            ciphers.forEach(c -> w.u16le(c.value()));
        }

        static Encryption read(WireReader r) throws DecodeException {
            int count = r.u16le("CipherCount");
            if (count * 2 > r.remaining()) {
                throw r.fail("CipherCount", count + " ciphers do not fit");
            }
            List<Cipher> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(new Cipher(r.u16le("Ciphers")));
            }
            return new Encryption(list);
        }

        @Override
        public Detail detail() {
            Detail d = Detail.of("Negotiate Context: " + type().name());
            ciphers.forEach(c -> d.field("Cipher", c));
            return d;
        }
    }

    /** SMB2_SIGNING_CAPABILITIES, 2.2.3.1.7. */
    record Signing(List<SigningAlgorithm> algorithms) implements NegotiateContext {
        public Signing {
            algorithms = List.copyOf(algorithms);
        }

        @Override
        public NegotiateContextType type() {
            return NegotiateContextType.SIGNING_CAPABILITIES;
        }

        @Override
        public void writeData(WireWriter w) {
            w.u16le(algorithms.size());
            algorithms.forEach(a -> w.u16le(a.value()));
        }

        static Signing read(WireReader r) throws DecodeException {
            int count = r.u16le("SigningAlgorithmCount");
            if (count * 2 > r.remaining()) {
                throw r.fail("SigningAlgorithmCount", count + " algorithms do not fit");
            }
            List<SigningAlgorithm> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(new SigningAlgorithm(r.u16le("SigningAlgorithms")));
            }
            return new Signing(list);
        }

        @Override
        public Detail detail() {
            Detail d = Detail.of("Negotiate Context: " + type().name());
            algorithms.forEach(a -> d.field("Signing Algorithm", a));
            return d;
        }
    }

    /** SMB2_NETNAME_NEGOTIATE_CONTEXT_ID, 2.2.3.1.4: the server name the client connects to. */
    record Netname(String netName) implements NegotiateContext {
        public Netname {
            Objects.requireNonNull(netName);
        }

        @Override
        public NegotiateContextType type() {
            return NegotiateContextType.NETNAME_NEGOTIATE_CONTEXT_ID;
        }

        @Override
        public void writeData(WireWriter w) {
            w.utf16le(netName);
        }

        @Override
        public Detail detail() {
            return Detail.of("Negotiate Context: " + type().name()).field("Netname", netName);
        }
    }

    /**
     * Any other context (COMPRESSION, TRANSPORT, RDMA_TRANSFORM, POSIX, unknown), typed but kept as
     * its data bytes.
     */
    record Other(NegotiateContextType type, byte[] data) implements NegotiateContext {
        public Other {
            Objects.requireNonNull(type);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public void writeData(WireWriter w) {
            w.bytes(data);
        }

        @Override
        public Detail detail() {
            return Detail.of("Negotiate Context: " + type.name()).field("Data", Bits.preview(data));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && type.equals(x.type) && Arrays.equals(data, x.data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Other[" + type + ", " + Bits.preview(data) + "]";
        }
    }

    /**
     * Writes a context list, padding before each context so it starts 8-byte aligned relative to
     * {@code headerStart}.
     */
    static void writeList(WireWriter w, int headerStart, List<NegotiateContext> contexts) {
        for (int i = 0; i < contexts.size(); i++) {
            pad8(w, headerStart);
            NegotiateContext c = contexts.get(i);
            w.u16le(c.type().value());
            int lengthAt = w.size();
            w.u16le(0).u32le(0);
            int dataStart = w.size();
            c.writeData(w);
            w.patchU16le(lengthAt, w.size() - dataStart);
        }
    }

    static void pad8(WireWriter w, int headerStart) {
        while (((w.size() - headerStart) & 7) != 0) {
            w.u8(0);
        }
    }

    /** Reads {@code count} contexts from {@code r} (positioned at the first, relative to the header). */
    static List<NegotiateContext> readList(WireReader r, int count) throws DecodeException {
        if (count > MAX_CONTEXTS || (long) count * 8 > r.remaining()) {
            throw r.fail("NegotiateContextCount", count + " contexts cannot fit in " + r.remaining() + " bytes");
        }
        List<NegotiateContext> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                int mis = r.position() & 7;
                if (mis != 0) {
                    r.skip("NegotiateContext padding", Math.min(8 - mis, r.remaining()));
                }
            }
            NegotiateContextType type = new NegotiateContextType(r.u16le("ContextType"));
            int length = r.u16le("DataLength");
            r.skip("Reserved", 4);
            WireReader data = r.window("NegotiateContext.Data", length);
            list.add(readOne(type, data));
        }
        return list;
    }

    private static NegotiateContext readOne(NegotiateContextType type, WireReader data) throws DecodeException {
        return switch (type.value()) {
            case 1 -> PreauthIntegrity.read(data);
            case 2 -> Encryption.read(data);
            case 5 -> new Netname(data.utf16le("NetName", data.remaining() & ~1));
            case 8 -> Signing.read(data);
            default -> new Other(type, data.rest());
        };
    }
}

package org.smbscope.codec.ntlm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A list of AV_PAIRs, [MS-NLMP] 2.2.2.1, as found in the CHALLENGE message's TargetInfo and in
 * the NTLMv2 client challenge. {@link #pairs()} excludes the terminating MsvAvEOL, which
 * {@link #encode()} always appends.
 */
public record TargetInfo(List<AvPair> pairs) {
    public static final TargetInfo EMPTY = new TargetInfo(List.of());

    public TargetInfo {
        pairs = List.copyOf(pairs);
    }

    /** Reads pairs up to MsvAvEOL or the end of the window; bytes after MsvAvEOL stay unread. */
    static TargetInfo read(WireReader r) throws DecodeException {
        List<AvPair> pairs = new ArrayList<>();
        while (r.hasRemaining()) {
            int id = r.u16le("AvId");
            int len = r.u16le("AvLen");
            if (id == 0) {
                if (len != 0) {
                    throw r.fail("AvLen", "MsvAvEOL with length " + len);
                }
                break;
            }
            pairs.add(new AvPair(new AvId(id), r.bytes("Value", len)));
        }
        return new TargetInfo(pairs);
    }

    public static TargetInfo decode(byte[] bytes) throws NtlmDecodeException {
        try {
            return read(WireReader.of(bytes, NtlmDecodeException::new));
        } catch (DecodeException e) {
            throw NtlmMessage.asNtlm(e);
        }
    }

    void write(WireWriter w) {
        for (AvPair p : pairs) {
            w.u16le(p.id().value()).u16le(p.value().length).bytes(p.value());
        }
        w.u16le(0).u16le(0);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        write(w);
        return w.toByteArray();
    }

    public Optional<AvPair> find(AvId id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<String> text(AvId id) {
        return find(id).map(AvPair::asText);
    }

    /** A copy with {@code pair} replacing the first pair of its id, or appended. */
    public TargetInfo with(AvPair pair) {
        List<AvPair> out = new ArrayList<>(pairs);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id().equals(pair.id())) {
                out.set(i, pair);
                return new TargetInfo(out);
            }
        }
        out.add(pair);
        return new TargetInfo(out);
    }

    public Detail detail(String title) {
        Detail d = Detail.of(title);
        for (AvPair p : pairs) {
            d.child(Detail.of("Attribute: " + p.id().name())
                    .field("NTLMV2 Response Item Type", p.id().name() + String.format(" (0x%04x)", p.id().value()))
                    .field("NTLMV2 Response Item Length", p.value().length)
                    .field(p.id().name(), p.render()));
        }
        d.child(Detail.of("Attribute: End of list"));
        return d;
    }
}

package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * The FSCTL_VALIDATE_NEGOTIATE_INFO payloads, [MS-SMB2] 2.2.31.4 (request: the client's
 * negotiate parameters) and 2.2.32.6 (response: what the server negotiated), carried in
 * {@link IoctlRequest#input()} / {@link IoctlResponse#output()}.
 */
public final class ValidateNegotiateInfo {
    private ValidateNegotiateInfo() {
    }

    /** 2.2.31.4 VALIDATE_NEGOTIATE_INFO Request. */
    public record Request(Capabilities capabilities, Guid guid, SecurityMode securityMode,
            List<Smb2Dialect> dialects) {
        public Request {
            Objects.requireNonNull(capabilities);
            Objects.requireNonNull(guid);
            Objects.requireNonNull(securityMode);
            dialects = List.copyOf(dialects);
        }

        public byte[] encode() {
            WireWriter w = new WireWriter(24 + 2 * dialects.size());
            w.u32le(capabilities.value() & 0xFFFFFFFFL);
            guid.write(w);
            w.u16le(securityMode.value()).u16le(dialects.size());
            dialects.forEach(d -> w.u16le(d.value()));
            return w.toByteArray();
        }

        public static Request decode(byte[] b) throws Smb2DecodeException {
            WireReader r = WireReader.of(b, Smb2DecodeException::new);
            try {
                Capabilities caps = new Capabilities(r.i32le("Capabilities"));
                Guid g = Guid.read(r, "Guid");
                SecurityMode mode = new SecurityMode(r.u16le("SecurityMode"));
                int count = r.u16le("DialectCount");
                if (count * 2 > r.remaining()) {
                    throw r.fail("DialectCount", count + " dialects do not fit");
                }
                List<Smb2Dialect> ds = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ds.add(new Smb2Dialect(r.u16le("Dialects")));
                }
                return new Request(caps, g, mode, ds);
            } catch (Smb2DecodeException e) {
                throw e;
            } catch (DecodeException e) {
                throw new Smb2DecodeException(e.field(), e.offset(), e.detail());
            }
        }
    }

    /** 2.2.32.6 VALIDATE_NEGOTIATE_INFO Response. */
    public record Response(Capabilities capabilities, Guid guid, SecurityMode securityMode, Smb2Dialect dialect) {
        public Response {
            Objects.requireNonNull(capabilities);
            Objects.requireNonNull(guid);
            Objects.requireNonNull(securityMode);
            Objects.requireNonNull(dialect);
        }

        public byte[] encode() {
            WireWriter w = new WireWriter(24);
            w.u32le(capabilities.value() & 0xFFFFFFFFL);
            guid.write(w);
            w.u16le(securityMode.value()).u16le(dialect.value());
            return w.toByteArray();
        }

        public static Response decode(byte[] b) throws Smb2DecodeException {
            WireReader r = WireReader.of(b, Smb2DecodeException::new);
            try {
                return new Response(new Capabilities(r.i32le("Capabilities")), Guid.read(r, "Guid"),
                        new SecurityMode(r.u16le("SecurityMode")), new Smb2Dialect(r.u16le("Dialect")));
            } catch (Smb2DecodeException e) {
                throw e;
            } catch (DecodeException e) {
                throw new Smb2DecodeException(e.field(), e.offset(), e.detail());
            }
        }
    }
}

package org.smbscope.codec.rap;

import java.util.List;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * RAP responses ([MS-RAP] 2.5.2): Trans_Parameters hold Win32 status, converter and counts; the
 * Trans_Data holds fixed entries whose string pointers are relative to the converter. The response
 * carries no opcode, so the caller picks the decoder that matches its request.
 */
public sealed interface RapResponse extends Described {
    int status();

    int converter();

    byte[] encodeParameters();

    byte[] encodeData();

    /** [MS-RAP] 2.5.5.1.2 NetShareEnum response. */
    record NetShareEnum(int status, int converter, List<ShareInfo1> shares, int available) implements RapResponse {
        public NetShareEnum {
            shares = List.copyOf(shares);
        }

        public static NetShareEnum decode(byte[] params, byte[] data) throws RapDecodeException {
            try {
                WireReader p = RapText.reader(params);
                int status = p.u16le("Win32ErrorCode");
                int conv = p.u16le("Converter");
                int count = p.u16le("EntriesReturned");
                int avail = p.u16le("EntriesAvailable");
                return new NetShareEnum(status, conv, RapEntries.shares(data, count, conv), avail);
            } catch (DecodeException e) {
                throw RapText.wrap(e);
            }
        }

        public byte[] encodeParameters() {
            return new WireWriter().u16le(status).u16le(converter).u16le(shares.size()).u16le(available).toByteArray();
        }

        public byte[] encodeData() {
            return RapEntries.encodeShares(shares, converter);
        }

        public Detail detail() {
            Detail d = Detail.of("NetShareEnum Response").field("Status", status).field("Convert", converter)
                    .field("Entry Count", shares.size()).field("Available Entries", available);
            for (ShareInfo1 s : shares) {
                d.child(Detail.of("Share " + s.name()).field("Share Name", s.name())
                        .field("Share Type", s.typeName()).field("Share Comment", s.remark()));
            }
            return d;
        }
    }

    /** [MS-RAP] 2.5.5.2.2 NetServerEnum2 response. */
    record NetServerEnum2(int status, int converter, List<ServerInfo1> servers, int available) implements RapResponse {
        public NetServerEnum2 {
            servers = List.copyOf(servers);
        }

        public static NetServerEnum2 decode(byte[] params, byte[] data) throws RapDecodeException {
            try {
                WireReader p = RapText.reader(params);
                int status = p.u16le("Win32ErrorCode");
                int conv = p.u16le("Converter");
                int count = p.u16le("EntriesReturned");
                int avail = p.u16le("EntriesAvailable");
                return new NetServerEnum2(status, conv, RapEntries.servers(data, count, conv), avail);
            } catch (DecodeException e) {
                throw RapText.wrap(e);
            }
        }

        public byte[] encodeParameters() {
            return new WireWriter().u16le(status).u16le(converter).u16le(servers.size()).u16le(available).toByteArray();
        }

        public byte[] encodeData() {
            return RapEntries.encodeServers(servers, converter);
        }

        public Detail detail() {
            Detail d = Detail.of("NetServerEnum2 Response").field("Status", status).field("Convert", converter)
                    .field("Entry Count", servers.size()).field("Available Entries", available);
            for (ServerInfo1 s : servers) {
                d.child(Detail.of("Server " + s.name()).field("Server Name", s.name())
                        .field("Major Version", s.majorVersion()).field("Minor Version", s.minorVersion())
                        .field("Server Type", s.type()).field("Server Comment", s.comment()));
            }
            return d;
        }
    }

    /** [MS-RAP] 2.5.6.2 NetServerGetInfo response (level 1); {@code info} null on error. */
    record NetServerGetInfo(int status, int converter, int totalBytesAvailable, ServerInfo1 info)
            implements RapResponse {
        public static NetServerGetInfo decode(byte[] params, byte[] data) throws RapDecodeException {
            try {
                WireReader p = RapText.reader(params);
                int status = p.u16le("Win32ErrorCode");
                int conv = p.u16le("Converter");
                int avail = p.u16le("TotalBytesAvailable");
                ServerInfo1 info = data.length == 0 ? null : RapEntries.server(RapText.reader(data), data, conv);
                return new NetServerGetInfo(status, conv, avail, info);
            } catch (DecodeException e) {
                throw RapText.wrap(e);
            }
        }

        public byte[] encodeParameters() {
            return new WireWriter().u16le(status).u16le(converter).u16le(totalBytesAvailable).toByteArray();
        }

        public byte[] encodeData() {
            return info == null ? new byte[0] : RapEntries.encodeServers(List.of(info), converter);
        }

        public Detail detail() {
            Detail d = Detail.of("NetServerGetInfo Response").field("Status", status).field("Convert", converter)
                    .field("Total Available Bytes", totalBytesAvailable);
            if (info != null) {
                d.field("Server Name", info.name()).field("Major Version", info.majorVersion())
                        .field("Minor Version", info.minorVersion()).field("Server Type", info.type())
                        .field("Server Comment", info.comment());
            }
            return d;
        }
    }
}

package org.smbscope.codec.rap;

import java.util.HexFormat;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A RAP request as carried in the Trans_Parameters of an SMB_COM_TRANSACTION on {@code \PIPE\LANMAN}.
 * [MS-RAP] 2.5.1 RAP Request Message: RAPOpcode, ParamDesc, DataDesc, parameters.
 */
public sealed interface RapRequest extends Described {
    int NET_SHARE_ENUM = 0;
    int NET_SERVER_GET_INFO = 13;
    int NET_SERVER_ENUM2 = 104;

    int opcode();

    /** The Trans_Parameters bytes. */
    byte[] encode();

    /** [MS-RAP] 2.5.5.1 NetShareEnum: "WrLeh", level 1 "B13BWz". */
    record NetShareEnum(int level, int receiveBufferSize) implements RapRequest {
        public int opcode() {
            return NET_SHARE_ENUM;
        }

        public byte[] encode() {
            WireWriter w = new WireWriter().u16le(opcode());
            RapText.cstring(w, "WrLeh");
            RapText.cstring(w, level == 1 ? "B13BWz" : "B13");
            return w.u16le(level).u16le(receiveBufferSize).toByteArray();
        }

        public Detail detail() {
            return Detail.of("NetShareEnum Request").field("Function Code", "NetShareEnum (0)")
                    .field("Detail Level", level).field("Receive Buffer Length", receiveBufferSize);
        }
    }

    /** [MS-RAP] 2.5.6.1 NetServerGetInfo: "WrLh", level 1 "B16BBDz". */
    record NetServerGetInfo(int level, int receiveBufferSize) implements RapRequest {
        public int opcode() {
            return NET_SERVER_GET_INFO;
        }

        public byte[] encode() {
            WireWriter w = new WireWriter().u16le(opcode());
            RapText.cstring(w, "WrLh");
            RapText.cstring(w, level == 1 ? "B16BBDz" : "B16");
            return w.u16le(level).u16le(receiveBufferSize).toByteArray();
        }

        public Detail detail() {
            return Detail.of("NetServerGetInfo Request").field("Function Code", "NetServerGetInfo (13)")
                    .field("Detail Level", level).field("Receive Buffer Length", receiveBufferSize);
        }
    }

    /** [MS-RAP] 2.5.5.2 NetServerEnum2: "WrLehDz", level 1 "B16BBDz", server type mask, domain. */
    record NetServerEnum2(int level, int receiveBufferSize, ServerType serverType, String domain) implements RapRequest {
        public int opcode() {
            return NET_SERVER_ENUM2;
        }

        public byte[] encode() {
            WireWriter w = new WireWriter().u16le(opcode());
            RapText.cstring(w, "WrLehDz");
            RapText.cstring(w, level == 1 ? "B16BBDz" : "B16");
            w.u16le(level).u16le(receiveBufferSize).u32le(serverType.value());
            RapText.cstring(w, domain);
            return w.toByteArray();
        }

        public Detail detail() {
            return Detail.of("NetServerEnum2 Request").field("Function Code", "NetServerEnum2 (104)")
                    .field("Detail Level", level).field("Receive Buffer Length", receiveBufferSize)
                    .field("Server Type", serverType).field("Enumeration Domain", domain);
        }
    }

    /** Any other opcode, descriptors kept, parameters opaque. */
    record Other(int opcode, String paramDesc, String dataDesc, byte[] parameters) implements RapRequest {
        public Other {
            parameters = parameters.clone();
        }

        public byte[] encode() {
            WireWriter w = new WireWriter().u16le(opcode);
            RapText.cstring(w, paramDesc);
            RapText.cstring(w, dataDesc);
            return w.bytes(parameters).toByteArray();
        }

        public Detail detail() {
            return Detail.of("RAP Request").field("Function Code", opcode).field("Parameter Descriptor", paramDesc)
                    .field("Return Descriptor", dataDesc).field("Parameters", HexFormat.of().formatHex(parameters));
        }
    }

    static RapRequest decode(byte[] transParameters) throws RapDecodeException {
        try {
            WireReader r = RapText.reader(transParameters);
            int op = r.u16le("RAPOpcode");
            String pd = RapText.cstring(r, "ParamDesc");
            String dd = RapText.cstring(r, "DataDesc");
            switch (op) {
                case NET_SHARE_ENUM -> {
                    return new NetShareEnum(r.u16le("InfoLevel"), r.u16le("ReceiveBufferSize"));
                }
                case NET_SERVER_GET_INFO -> {
                    return new NetServerGetInfo(r.u16le("InfoLevel"), r.u16le("ReceiveBufferSize"));
                }
                case NET_SERVER_ENUM2 -> {
                    int level = r.u16le("InfoLevel");
                    int size = r.u16le("ReceiveBufferSize");
                    ServerType type = new ServerType(r.u32le("ServerType"));
                    String domain = r.hasRemaining() ? RapText.cstring(r, "Domain") : "";
                    return new NetServerEnum2(level, size, type, domain);
                }
                default -> {
                    return new Other(op, pd, dd, r.rest());
                }
            }
        } catch (DecodeException e) {
            throw RapText.wrap(e);
        }
    }
}

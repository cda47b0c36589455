/**
 * NetBIOS over TCP/IP, RFC 1001 and RFC 1002: names, the name service (UDP 137), the datagram
 * service (UDP 138) and the session service (TCP 139), plus direct-hosted TCP 445 framing. Pure:
 * bytes to immutable records and back, no I/O.
 *
 * <h2>API summary</h2>
 * <ul>
 * <li>Names: {@link org.smbscope.codec.netbios.NetbiosName} (record: name, suffix, scope).
 *     {@code NetbiosName.of("lab10", 0x20)}, {@code NetbiosName.parse("LAB10#20")},
 *     {@code NetbiosName.wildcard()}, {@code NetbiosName.msBrowse()}; {@code encode()}/
 *     {@code decode(byte[])} (second-level), {@code firstLevel()}, {@code rawBytes()};
 *     {@code toString()} is {@code LAB10<20>}. Meanings: {@link org.smbscope.codec.netbios.NameSuffix}
 *     ({@code description()}) and {@link org.smbscope.codec.netbios.NameMeaning#of(int, boolean, String)}.</li>
 * <li>Name service: {@link org.smbscope.codec.netbios.NameServicePacket} (one record: header and
 *     typed sections of {@link org.smbscope.codec.netbios.Question} and
 *     {@link org.smbscope.codec.netbios.ResourceRecord} whose {@link org.smbscope.codec.netbios.RData}
 *     is {@code NbRData} / {@code NodeStatusRData} / {@code WackRData} / {@code AddressRData} /
 *     {@code RawRData}); {@code NameServicePacket.decode(bytes)}, {@code packet.encode()},
 *     {@code packet.kind()} ({@link org.smbscope.codec.netbios.NameServiceKind}),
 *     {@code packet.summary()}, {@code packet.detail().render()}. Factories in
 *     {@link org.smbscope.codec.netbios.NameServicePackets}: {@code query}, {@code nodeStatusRequest},
 *     {@code positiveResponse}, {@code negativeResponse}, {@code nodeStatusResponse},
 *     {@code registration}, {@code multihomedRegistration}, {@code overwriteDemand},
 *     {@code registrationResponse}, {@code conflictDemand}, {@code refresh}, {@code release},
 *     {@code releaseResponse}, {@code wack}. Codes: {@code NameServiceOpcode}, {@code NameServiceRcode},
 *     {@code NmFlag}, {@code RrType}, {@code NodeType}, {@code NameState}; node status:
 *     {@code NodeName}, {@code MacAddress}, {@code NodeStatistics}.</li>
 * <li>Datagram service: {@link org.smbscope.codec.netbios.DatagramPacket} (sealed:
 *     {@code DirectDatagram} for 0x10/0x11/0x12, {@code DatagramErrorPacket}, {@code DatagramQuery}
 *     for 0x14/0x15/0x16, {@code UnknownDatagram}); {@code DatagramPacket.decode(bytes)},
 *     {@code packet.encode()}.</li>
 * <li>Session service: {@link org.smbscope.codec.netbios.SessionPacket} (sealed:
 *     {@code SessionMessage}, {@code SessionRequest}, {@code PositiveSessionResponse},
 *     {@code NegativeSessionResponse} with {@code SessionError}, {@code RetargetSessionResponse},
 *     {@code SessionKeepAlive}, {@code UnknownSessionPacket});
 *     {@link org.smbscope.codec.netbios.SessionFrameCodec}: {@code decodeHeader(4 bytes)} gives a
 *     {@link org.smbscope.codec.netbios.SessionFrameHeader} (17-bit length), {@code decodeBody},
 *     {@code decode(frame)}, {@code decode(ByteBuffer)}, {@code encode(packet)},
 *     {@code messageHeader(len)}; with a max length.</li>
 * <li>TCP 445: {@link org.smbscope.codec.netbios.DirectTcpFraming} ({@code decodeLength(header)},
 *     {@code header(len)}, {@code frame}, {@code unframe}).</li>
 * <li>Errors: every decoder throws only {@link org.smbscope.codec.netbios.NetbiosDecodeException}
 *     ({@code protocol()} is NBNS, NBDS, NBSS or NetBIOS).</li>
 * </ul>
 */
package org.smbscope.codec.netbios;

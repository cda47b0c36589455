/**
 * Reading captures: {@link org.smbscope.trace.capture.CaptureReader} (pcap and pcapng) yields
 * frames, {@link org.smbscope.trace.capture.PacketDissector} takes the TCP or UDP segment out of
 * each, {@link org.smbscope.trace.capture.TcpReassembler} puts TCP bytes back in order per
 * direction and {@link org.smbscope.trace.capture.SessionFramer} cuts them into NetBIOS session /
 * direct-TCP frames. Every length from the file is checked before it is used.
 */
package org.smbscope.trace.capture;

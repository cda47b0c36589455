/**
 * Single-message probes for the doctor: plain sockets and the codec, one question per
 * connection (is the port open, does the server accept this one dialect, what does its NTLM
 * challenge say), every byte sent and received recorded so it can be explained and diagnosed
 * like a capture.
 */
package org.smbscope.client.probe;

package org.smbscope.codec.netbios.browse;

/** A mailslot write carried by a datagram: the mailslot name and the browser message in it. */
public record MailslotMessage(String mailslotName, BrowserMessage message) {
}

/**
 * The one event model: every message on the wire becomes an
 * {@link org.smbscope.trace.event.Exchange}, whether it came from a capture
 * ({@link org.smbscope.trace.event.CaptureExchanges}) or from a live client or server (their wire
 * taps, adapted in the cli). The explainer and the diagnosis rules read exchanges only.
 */
package org.smbscope.trace.event;

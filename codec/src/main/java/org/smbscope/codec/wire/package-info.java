/**
 * Shared wire primitives for every codec: the bounded {@link org.smbscope.codec.wire.WireReader},
 * the {@link org.smbscope.codec.wire.WireWriter}, the root
 * {@link org.smbscope.codec.wire.DecodeException} and the {@link org.smbscope.codec.wire.Detail}
 * text tree. No protocol knowledge lives here.
 */
package org.smbscope.codec.wire;

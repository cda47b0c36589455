package org.smbscope.codec.wire;

/**
 * Makes a protocol's own {@link DecodeException}; a {@link WireReader} is given one so that
 * every bounds failure surfaces as that protocol's exception.
 */
@FunctionalInterface
public interface DecodeErrors {
    DecodeException error(String field, int offset, String detail);
}

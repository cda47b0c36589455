/**
 * A minimal DER reader and writer (ITU-T X.690): tag, length, value with bounded definite
 * lengths, nested windows, OBJECT IDENTIFIER, context and application tags, INTEGER,
 * ENUMERATED, OCTET STRING, BIT STRING, GeneralString, SEQUENCE. Enough for SPNEGO
 * ([MS-SPNG], RFC 4178) and read-only Kerberos (RFC 4120). Indefinite lengths and lengths
 * past the enclosing structure are decode errors.
 */
package org.smbscope.codec.asn1;

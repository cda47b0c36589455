package org.smbscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a command's {@code --json} document: pretty-printed, one document per run; or, for a command
 * that reports as it goes (serve), one compact document per line.
 */
public final class JsonOutput {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectMapper compact = new ObjectMapper();

    /** One line of JSON (for JSON Lines output). */
    public String compact(Object document) {
        try {
            return compact.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + document.getClass().getSimpleName(), e);
        }
    }

    public String write(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + document.getClass().getSimpleName(), e);
        }
    }
}

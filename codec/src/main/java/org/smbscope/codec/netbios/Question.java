package org.smbscope.codec.netbios;

import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/** A name service question entry, RFC 1002 4.2.1.2: QUESTION_NAME, QUESTION_TYPE, QUESTION_CLASS. */
public record Question(NetbiosName name, RrType type, int questionClass) {
    public Question {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (questionClass < 0 || questionClass > 0xFFFF) {
            throw new IllegalArgumentException("class must be 16 bits");
        }
    }

    /** An NB question (name query, registration, release, refresh). */
    public static Question nb(NetbiosName name) {
        return new Question(name, RrType.NB, RrType.CLASS_IN);
    }

    /** An NBSTAT question (node status request). */
    public static Question nbstat(NetbiosName name) {
        return new Question(name, RrType.NBSTAT, RrType.CLASS_IN);
    }

    Detail detail() {
        return Detail.of(name + ": type " + type.name() + ", class " + RrType.className(questionClass))
                .field("Name", name + " (" + NameMeaning.of(name) + ")")
                .field("Type", type.name() + " (" + type.value() + ")")
                .field("Class", RrType.className(questionClass) + " (" + questionClass + ")");
    }
}

package org.smbscope.trace.diagnose;

import java.util.List;

/**
 * One diagnosis: a name, the evidence it reads (documented on each implementation) and the
 * findings it makes. Rules are independent and stateless; {@link Diagnosis} runs them all.
 */
public interface Rule {
    /** Short, stable, kebab-case: "signing-mismatch". */
    String name();

    List<Finding> check(Observations observations);
}

/**
 * The one rule set: each {@link org.smbscope.trace.diagnose.Rule} reads
 * {@link org.smbscope.trace.diagnose.Observations} (decoded messages, TCP attempts, the client's
 * policy, which connections were probes) and makes {@link org.smbscope.trace.diagnose.Finding}s:
 * cause, evidence (packet), what the user sees, and the fix as Windows policy, registry value and
 * smb.conf option. {@link org.smbscope.trace.diagnose.Diagnosis#run} runs them all, most important
 * first. Documented for users in docs/TROUBLESHOOTING.md.
 */
package org.smbscope.trace.diagnose;

/** Renderers of a narrative and its findings: the self-contained HTML page with a ladder diagram. */
package org.smbscope.trace.report;

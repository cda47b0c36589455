/**
 * {@code smbscope doctor} (live: client.probe probes and the client's wire tap, adapted into
 * exchanges by {@link org.smbscope.cli.doctor.ExchangeLog}) and {@code smbscope analyze} (a
 * capture); both explain with trace.explain and diagnose with trace.diagnose.
 */
package org.smbscope.cli.doctor;

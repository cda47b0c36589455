package org.smbscope.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;

/**
 * Our SMB client inside one JVM, so the figure excludes JVM start-up: connects, authenticates,
 * then times only the transfer (open to close of the remote file), {@code runs} times on one
 * session, printing one line per run: {@code run=i bytes=B seconds=S MiBps=X cpu_ms=C user_ms=U sys_ms=K}
 * (C: CPU time of the whole JVM during the transfer, JIT and GC threads included; U and K: its user
 * and kernel parts from /proc/self/stat, in 10 ms ticks). The first run is
 * the JIT's warm-up; bench/run reports the median of the rest.
 *
 * <p>{@code java -cp benchmarks.jar org.smbscope.bench.e2e.ClientTransfer HOST SHARE USER PASSWORD
 * get|put REMOTE LOCAL RUNS plain|signed|sealed [inflight] [iosize]}
 */
public final class ClientTransfer {
    private ClientTransfer() {
    }

    /** CPU time of the whole process (all threads: ours, JIT compilers, GC), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime and stime of this process in clock ticks (10 ms on Linux), zeros where /proc is missing. */
    private static long[] userSystemTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    public static void main(String[] a) throws IOException {
        if (a.length < 9) {
            System.err.println("usage: ClientTransfer HOST SHARE USER PASSWORD get|put REMOTE LOCAL RUNS plain|signed|sealed [inflight] [iosize]");
            System.exit(2);
        }
        String host = a[0];
        String share = a[1];
        boolean get = a[4].equals("get");
        String remote = a[5];
        Path local = Path.of(a[6]);
        int runs = Integer.parseInt(a[7]);
        ClientConfig.Builder b = ClientConfig.builder();
        switch (a[8]) {
            case "plain" -> b.signing(Protection.OFF).encryption(Protection.OFF);
            case "signed" -> b.signing(Protection.REQUIRED).encryption(Protection.OFF);
            case "sealed" -> b.encryption(Protection.REQUIRED);
            default -> throw new IllegalArgumentException(a[8]);
        }
        if (a.length > 9) {
            b.maxInFlight(Integer.parseInt(a[9]));
        }
        if (a.length > 10) {
            b.maxIoSize(Integer.parseInt(a[10]));
        }
        try (SmbConnection c = SmbClient.connect(b.build(), host, 445);
                SmbSession s = c.session(Credentials.of("", a[2], a[3]));
                SmbTree t = s.tree(share)) {
            System.out.println("# " + c.negotiated());
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                long cpu0 = processCpuNanos();
                long[] ticks0 = userSystemTicks();
                long bytes;
                if (get) {
                    try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                        bytes = t.download(remote, out, n -> { });
                    }
                } else {
                    bytes = t.upload(remote, local, n -> { }); // as the smbscope smbclient put does
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
                long[] ticks1 = userSystemTicks();
                System.out.printf("run=%d bytes=%d seconds=%.3f MiBps=%.1f cpu_ms=%d user_ms=%d sys_ms=%d%n", i, bytes,
                        seconds, bytes / seconds / (1 << 20), cpuMs, (ticks1[0] - ticks0[0]) * 10, (ticks1[1] - ticks0[1]) * 10);
            }
        }
    }
}

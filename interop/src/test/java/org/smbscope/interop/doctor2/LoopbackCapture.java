package org.smbscope.interop.doctor2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.smbscope.interop.fixture.Peers;

/** tshark on the loopback interface with a capture filter, writing pcapng until closed. */
final class LoopbackCapture implements AutoCloseable {
    private final Process tshark;
    private final Path file;

    private LoopbackCapture(Process tshark, Path file) {
        this.tshark = tshark;
        this.file = file;
    }

    static LoopbackCapture start(Path file, String filter) throws IOException, InterruptedException {
        Path out = file.resolveSibling(file.getFileName() + ".tshark.out");
        Process p = new ProcessBuilder(Peers.require("tshark").toString(), "-i", "lo", "-f", filter, "-w",
                file.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        for (int i = 0; i < 100; i++) {
            if (Files.exists(out) && Files.readString(out).contains("Capturing on")) {
                Thread.sleep(700); // dumpcap says so a moment before its filter is attached
                return new LoopbackCapture(p, file);
            }
            Thread.sleep(50);
        }
        p.destroy();
        throw new AssertionError("tshark did not start capturing: " + (Files.exists(out) ? Files.readString(out) : ""));
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws InterruptedException {
        if (!tshark.isAlive()) {
            return;
        }
        Thread.sleep(500); // let the last segments reach the capture
        tshark.destroy();
        tshark.waitFor(10, TimeUnit.SECONDS);
    }
}

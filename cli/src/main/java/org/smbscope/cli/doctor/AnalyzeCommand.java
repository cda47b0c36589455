package org.smbscope.cli.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.cli.JsonOutput;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.diagnose.Diagnosis;
import org.smbscope.trace.diagnose.Finding;
import org.smbscope.trace.diagnose.Observations;
import org.smbscope.trace.event.CaptureExchanges;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.explain.Explainer;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;
import org.smbscope.trace.explain.MessageSlimmer;
import org.smbscope.trace.explain.Narrative;
import org.smbscope.trace.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smbscope analyze FILE}: the capture's conversations narrated and diagnosed with the doctor's rules. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explain a capture (pcap or pcapng) step by step and say why a connection failed.",
            "Exit status 1 when a finding of severity ERROR is made."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pcap or pcapng capture (Wireshark, tcpdump, tshark).")
    Path file;

    @Option(names = "--json", description = "Print one JSON document (steps, exchanges, findings) instead of text.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with a ladder diagram.")
    Path html;

    @Option(names = "--password", paramLabel = "PASS", description = "Open SMB3-encrypted NTLMv2 sessions with this password.")
    String password;

    @Option(names = "--nt-hash", paramLabel = "HEX", description = "Open SMB3-encrypted NTLMv2 sessions with this NT hash (32 hex digits).")
    String ntHash;

    @Option(names = "--keep-bytes", paramLabel = "N", defaultValue = "4096",
            description = "Bytes of each message kept after decoding (file data beyond them is dropped; default ${DEFAULT-VALUE}).")
    int keepBytes = KEEP_BYTES;

    @Option(names = "--max-frame", paramLabel = "N", defaultValue = "16777216",
            description = "Largest SMB/NetBIOS message accepted (default ${DEFAULT-VALUE}).")
    int maxFrame = CaptureExchanges.Limits.DEFAULT.maxFrame();

    @Option(names = "--max-pending", paramLabel = "N", defaultValue = "33554432",
            description = "TCP bytes held per direction waiting for a lost segment before it is reported"
                    + " missing (default ${DEFAULT-VALUE}).")
    int maxPending = CaptureExchanges.Limits.DEFAULT.maxPendingTcpBytes();

    private CaptureExchanges.Limits limits() {
        if (keepBytes < 64 || maxFrame < 64 || maxPending < 0) {
            throw new CommandFailedException(ExitCode.USAGE, "--keep-bytes and --max-frame are at least 64, --max-pending at least 0");
        }
        return new CaptureExchanges.Limits(maxFrame, maxPending);
    }

    @Override
    public Integer call() {
        List<String> notes = List.of();
        List<Message> messages;
        long count;
        if (password != null || ntHash != null) {
            // decryption needs the sealed messages whole: this path holds the capture's exchanges
            List<Exchange> exchanges = read(file);
            org.smbscope.trace.decrypt.Smb3Decryptor.Result d = password != null
                    ? org.smbscope.trace.decrypt.Smb3Decryptor.decrypt(exchanges, password)
                    : org.smbscope.trace.decrypt.Smb3Decryptor.decrypt(exchanges, hash(ntHash));
            exchanges = d.exchanges();
            notes = new ArrayList<>(d.notes());
            notes.add(d.opened() + " encrypted messages opened");
            messages = MessageDecoder.decodeAll(exchanges);
            count = exchanges.size();
        } else {
            messages = new ArrayList<>();
            count = stream(file, messages);
        }
        Narrative narrative = Explainer.explain(messages);
        List<Finding> findings = Diagnosis.run(Observations.of(messages));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("file", file.toString());
            head.put("tcpGaps", gaps);
            if (!notes.isEmpty()) {
                head.put("decryption", notes);
            }
            out.println(new JsonOutput().write(ReportJson.of(head, narrative, findings)));
        } else {
            out.print("Capture " + file + ": " + count + " messages"
                    + (gaps > 0 ? ", " + gaps + " TCP gaps (packets missing from the capture: messages across them are"
                    + " skipped, not guessed)" : "") + "\n");
            notes.forEach(n -> out.print("Decryption: " + n + "\n"));
            out.print("\n");
            out.print(narrative.render());
            out.print(FindingsText.render(findings));
        }
        out.flush();
        if (html != null) {
            try {
                Files.writeString(html, HtmlReport.render("smbscope analyze " + file.getFileName(), narrative, findings));
            } catch (IOException e) {
                throw new CommandFailedException(ExitCode.FAILED, "cannot write " + html + ": " + e.getMessage(), e);
            }
        }
        return FindingsText.exitCode(findings);
    }

    private long gaps;

    static byte[] hash(String hex) {
        String h = hex.trim();
        if (!h.matches("[0-9a-fA-F]{32}")) {
            throw new CommandFailedException(ExitCode.USAGE, "--nt-hash is 32 hex digits");
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** File data kept per message: headers are decoded from it; READ and WRITE data are dropped. */
    static final int KEEP_BYTES = 4096;

    /**
     * Streams the capture: each exchange is decoded as it is reassembled and its file data dropped
     * ({@link MessageSlimmer}), so memory grows with the number of messages, not the capture's size.
     * Returns how many exchanges were read.
     */
    long stream(Path file, List<Message> into) {
        // file data the slimmer would drop is never copied (CaptureExchanges.slim): each exchange is decoded and
        // slimmed before the next is read
        try (CaptureExchanges x = CaptureExchanges.slim(CaptureReader.open(file), limits(), keepBytes)) {
            MessageSlimmer slimmer = new MessageSlimmer(keepBytes);
            long n = 0;
            for (Exchange e; (e = x.next()) != null; ) {
                n++;
                for (Message m : MessageDecoder.decode(e)) {
                    into.add(slimmer.slim(m));
                }
            }
            gaps = x.gapsSkipped();
            return n;
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(ExitCode.FAILED, "no such file: " + file, e);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (CaptureDecodeException e) {
            throw new CommandFailedException(ExitCode.PROTOCOL, "not a readable capture: " + e.getMessage(), e);
        }
    }

    List<Exchange> read(Path file) {
        try (CaptureExchanges x = new CaptureExchanges(CaptureReader.open(file), limits())) {
            List<Exchange> out = new ArrayList<>();
            for (Exchange e; (e = x.next()) != null; ) {
                out.add(e);
            }
            gaps = x.gapsSkipped();
            return out;
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(ExitCode.FAILED, "no such file: " + file, e);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (CaptureDecodeException e) {
            throw new CommandFailedException(ExitCode.PROTOCOL, "not a readable capture: " + e.getMessage(), e);
        }
    }
}

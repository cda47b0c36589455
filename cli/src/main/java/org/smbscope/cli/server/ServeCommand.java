package org.smbscope.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.cli.ExitCode;
import org.smbscope.server.config.DefaultConfig;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.ServingPlan;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.netbios.NetbiosServices;
import org.smbscope.server.smb2.ServerLimits;
import org.smbscope.server.smb2.SmbServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smbscope serve}: reads smb.conf (or the embedded default), prints what it serves (addresses,
 * shares, paths, users) and serves SMB 2/3 until Ctrl-C ({@code --check} only prints and exits 0, like
 * Samba's testparm).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve shares over SMB 2/3 as configured in an smb.conf (default: a guest demo share on 127.0.0.1).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--configfile"}, paramLabel = "smb.conf", description = "Samba-style configuration file.")
    Path config;

    @Option(names = "--check", description = "Only read and check the configuration, print the plan and exit.")
    boolean check;

    @Option(names = "--json", description = "Print the plan (and, when serving, the addresses) as JSON documents, one per line.")
    boolean json;

    @Option(names = "--stop-after", hidden = true, paramLabel = "SECONDS",
            description = "Stop after this many seconds (for tests).")
    Integer stopAfter;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig c;
        if (config == null) {
            Path demo = Files.createTempDirectory("smbscope-demo");
            Files.writeString(demo.resolve("README.txt"), "This is the smbscope demo share.\n");
            if (!json) {
                out.println("No -s smb.conf given; using the embedded default:");
                out.print(DefaultConfig.text(demo));
                out.println();
            }
            c = DefaultConfig.load(demo);
        } else {
            c = SmbConfParser.parse(config);
        }
        ServingPlan plan = ServingPlan.of(c);
        if (json) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("config", config == null ? "embedded default" : config.toString());
            doc.put("netbiosName", c.netbiosName());
            doc.put("workgroup", c.workgroup());
            doc.put("listeners", plan.listeners());
            doc.put("shares", plan.shares());
            doc.put("users", plan.users());
            doc.put("problems", plan.problems());
            doc.put("warnings", c.warnings());
            out.println(new org.smbscope.cli.JsonOutput().compact(doc));
        } else {
            out.print(plan.render());
        }
        out.flush();
        if (check) {
            return ExitCode.OK.code();
        }
        SmbServer server;
        // NetServerEnum2 over SMB1 serves the NetBIOS browse list once the name service runs
        java.util.concurrent.atomic.AtomicReference<NetbiosServices> nbRef = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            server = SmbServer.start(c, ServerLimits.DEFAULTS, Clock.systemUTC(), new SecureRandom(),
                    org.smbscope.server.smb2.ShareHandlers.disk(Clock.systemUTC(), ServerLimits.DEFAULTS.maxOpensPerSession()),
                    () -> nbRef.get() == null ? null : nbRef.get().browseList());
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.FAILED, "cannot listen: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("ermission") ? " (ports below 1024 need root"
                            + " or CAP_NET_BIND_SERVICE; try 'smb ports = 4445')" : ""));
        }
        // nmbd's part: names on UDP 137, browsing on UDP 138
        java.util.Optional<NetbiosServices> netbios = NetbiosServices.startIfEnabled(c,
                json ? new PrintWriter(java.io.OutputStream.nullOutputStream()) : out);
        netbios.ifPresent(nbRef::set);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            netbios.ifPresent(NetbiosServices::close);
            closeQuietly(server);
        };
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "smbscope-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (json) {
            out.println(new org.smbscope.cli.JsonOutput().compact(java.util.Map.of("serving", server.addresses().stream()
                    .map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).toList())));
        } else {
            for (var a : server.addresses()) {
                out.println("Serving SMB on " + a.getAddress().getHostAddress() + ":" + a.getPort());
            }
            out.println("Press Ctrl-C to stop.");
        }
        out.flush();
        try {
            if (stopAfter != null) {
                stopped.await(stopAfter, TimeUnit.SECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
                stop.run();
            } else {
                stopped.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.run();
        }
        out.println(json ? "{\"stopped\":true}" : "Stopped.");
        out.flush();
        return ExitCode.OK.code();
    }

    private static void closeQuietly(SmbServer server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}

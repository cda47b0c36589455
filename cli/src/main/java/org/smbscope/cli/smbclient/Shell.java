package org.smbscope.cli.smbclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.smbscope.client.FileEntry;
import org.smbscope.client.FsSize;
import org.smbscope.client.SmbTree;

/**
 * smbclient's command interpreter over one share: keeps the remote and local directories and the
 * recurse / prompt / mask settings, runs one command line at a time, and records whether any
 * command failed (smbclient exits 1 then).
 */
final class Shell {
    private final SmbTree tree;
    private final String unc;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ZoneId zone;
    private final Function<IOException, String> errorText;
    private final BufferedReader promptInput;
    private String cwd = "\\";
    private Path localDir;
    private boolean recurse;
    private boolean prompt = true;
    private String mask = "*";
    private boolean failed;
    private boolean exit;
    private final TransferProgress.Factory progress;
    /** With --json, ls prints one JSON document per listing instead of Samba's columns. */
    private final boolean json;
    private final List<Map<String, Object>> jsonEntries = new ArrayList<>();

    Shell(SmbTree tree, String unc, Path localDir, PrintWriter out, PrintWriter err, ZoneId zone,
            Function<IOException, String> errorText, BufferedReader promptInput, TransferProgress.Factory progress,
            boolean json) {
        this.progress = progress;
        this.json = json;
        this.tree = tree;
        this.unc = unc;
        this.localDir = localDir;
        this.out = out;
        this.err = err;
        this.zone = zone;
        this.errorText = errorText;
        this.promptInput = promptInput;
    }

    boolean failed() {
        return failed;
    }

    boolean exitRequested() {
        return exit;
    }

    String prompt() {
        return "smb: " + cwd + "> ";
    }

    /** Runs {@code cmd; cmd; ...}; stops after exit. */
    void runLine(String line) {
        for (String command : CommandSplitter.commands(line)) {
            if (exit) {
                return;
            }
            run(CommandSplitter.words(command));
        }
        out.flush();
    }

    void run(List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String cmd = words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        try {
            switch (cmd) {
                case "ls", "dir" -> ls(args);
                case "cd" -> cd(args);
                case "pwd" -> out.println("Current directory is " + unc + cwd);
                case "get" -> get(need(args, 1, "get <filename> [localname]"), args.size() > 1 ? args.get(1) : null);
                case "put" -> put(need(args, 1, "put <filename> [remotename]"), args.size() > 1 ? args.get(1) : null);
                case "mget" -> mget(args);
                case "mput" -> mput(args);
                case "mkdir", "md" -> remoteOp("mkdir", need(args, 1, "mkdir <directory>"), tree::mkdir);
                case "rmdir", "rd" -> remoteOp("rmdir", need(args, 1, "rmdir <dirname>"), tree::rmdir);
                case "rm", "del" -> rm(need(args, 1, "rm <mask>"));
                case "rename" -> rename(args);
                case "allinfo" -> allinfo(need(args, 1, "allinfo <file>"));
                case "stat" -> stat(need(args, 1, "stat <file>"));
                case "lcd" -> lcd(args);
                case "recurse" -> {
                    recurse = !recurse;
                    out.println("directory recursion is now " + (recurse ? "on" : "off"));
                }
                case "prompt" -> {
                    prompt = !prompt;
                    out.println("prompting is now " + (prompt ? "on" : "off"));
                }
                case "mask" -> {
                    mask = args.isEmpty() ? "*" : args.get(0);
                }
                case "echo" -> tree.echo();
                case "exit", "quit", "q", "bye" -> exit = true;
                case "help", "?" -> out.println("ls dir cd pwd get put mget mput mkdir rmdir rm del rename allinfo stat "
                        + "lcd recurse prompt mask exit quit");
                default -> {
                    err.println(words.get(0) + ": command not found");
                    failed = true;
                }
            }
        } catch (UsageException e) {
            err.println("Usage: " + e.getMessage());
            failed = true;
        } catch (IOException e) {
            failed = true;
            err.println(cmd + (args.isEmpty() ? "" : " " + absolute(args.get(0))) + ": " + errorText.apply(e));
        }
        out.flush();
        err.flush();
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String usage) {
            super(usage);
        }
    }

    private static String need(List<String> args, int n, String usage) throws UsageException {
        if (args.size() < n) {
            throw new UsageException(usage);
        }
        return args.get(0);
    }

    /** A remote path from a shell argument: absolute if it starts with a separator, else under cwd. */
    String absolute(String arg) {
        String p = arg.replace('/', '\\');
        String full = p.startsWith("\\") ? p : cwd + p;
        List<String> parts = new ArrayList<>();
        for (String s : full.split("\\\\")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(s);
            }
        }
        return "\\" + String.join("\\", parts);
    }

    /** The share-relative form the client API takes (no leading separator). */
    static String rel(String absolute) {
        return absolute.startsWith("\\") ? absolute.substring(1) : absolute;
    }

    private static String parent(String absolute) {
        int i = absolute.lastIndexOf('\\');
        return i <= 0 ? "\\" : absolute.substring(0, i);
    }

    private static String leaf(String absolute) {
        return absolute.substring(absolute.lastIndexOf('\\') + 1);
    }

    private void ls(List<String> args) throws IOException {
        String target = args.isEmpty() ? cwd + mask : args.get(0);
        String abs = absolute(target);
        String dir;
        String pattern;
        if (target.endsWith("\\") || target.endsWith("/")) {
            dir = abs;
            pattern = "*";
        } else if (!args.isEmpty() && isDirectory(abs)) {
            dir = abs;
            pattern = "*";
        } else {
            dir = parent(abs);
            pattern = leaf(abs);
        }
        jsonEntries.clear();
        listDir(dir, pattern, false);
        FsSize size = tree.fsSize();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("directory", dir);
            doc.put("entries", List.copyOf(jsonEntries));
            doc.put("blockSize", size.blockSize());
            doc.put("totalBlocks", size.totalUnits());
            doc.put("availableBlocks", size.callerAvailableUnits());
            out.println(new org.smbscope.cli.JsonOutput().write(doc));
            return;
        }
        out.println(Listing.footer(size));
    }

    private boolean isDirectory(String abs) {
        if (abs.equals("\\") || abs.contains("*") || abs.contains("?")) {
            return abs.equals("\\");
        }
        try {
            return tree.stat(rel(abs)).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private void listDir(String dir, String pattern, boolean header) throws IOException {
        if (header && !json) {
            out.println();
            out.println(dir.endsWith("\\") ? dir : dir + "\\");
        }
        List<FileEntry> entries = tree.list(rel(dir), pattern);
        for (FileEntry e : entries) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("directory", dir);
                m.put("name", e.name());
                m.put("attributes", Listing.attributes(e.attributes()));
                m.put("size", e.size());
                m.put("lastWriteTime", e.lastWriteTime().toString());
                jsonEntries.add(m);
            } else {
                out.println(Listing.lsLine(e, zone));
            }
        }
        if (recurse) {
            for (FileEntry e : tree.list(rel(dir), "*")) {
                if (e.isDirectory() && !e.name().equals(".") && !e.name().equals("..")) {
                    listDir((dir.endsWith("\\") ? dir : dir + "\\") + e.name(), pattern, true);
                }
            }
        }
    }

    private void cd(List<String> args) throws IOException {
        if (args.isEmpty()) {
            out.println("Current directory is " + cwd);
            return;
        }
        String abs = absolute(args.get(0));
        if (!abs.equals("\\")) {
            FileEntry e = tree.stat(rel(abs));
            if (!e.isDirectory()) {
                err.println("cd " + abs + "\\: NT_STATUS_NOT_A_DIRECTORY");
                failed = true;
                return;
            }
        }
        cwd = abs.endsWith("\\") ? abs : abs + "\\";
    }

    private void lcd(List<String> args) {
        if (args.isEmpty()) {
            out.println("Current local directory is " + localDir);
            return;
        }
        Path p = localDir.resolve(args.get(0)).normalize();
        if (!Files.isDirectory(p)) {
            err.println("lcd " + args.get(0) + ": No such file or directory");
            failed = true;
            return;
        }
        localDir = p;
        out.println("Current local directory is " + localDir);
    }

    private void get(String remote, String local) throws IOException {
        String abs = absolute(remote);
        Path target = localDir.resolve(local != null ? local : leaf(abs));
        long start = System.nanoTime();
        long n;
        Path tmp = target.resolveSibling(target.getFileName() + ".smbscope-part");
        TransferProgress bar = progress.start(leaf(abs), -1);
        try (OutputStream os = Files.newOutputStream(tmp)) {
            n = tree.download(rel(abs), os, bar);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            bar.finish();
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        out.println(String.format(Locale.ROOT, "getting file %s of size %d as %s %s", abs, n,
                local != null ? local : leaf(abs), rate(n, start)));
    }

    private void put(String local, String remote) throws IOException {
        Path source = localDir.resolve(local);
        String abs = absolute(remote != null ? remote : source.getFileName().toString());
        long start = System.nanoTime();
        long n;
        TransferProgress bar = progress.start(source.getFileName().toString(), Files.size(source));
        try {
            n = tree.upload(rel(abs), source, bar); // from the file: a direct path on plain sessions
        } finally {
            bar.finish();
        }
        out.println(String.format(Locale.ROOT, "putting file %s as %s %s", local, abs, rate(n, start)));
    }

    private static String rate(long bytes, long startNanos) {
        double secs = Math.max(1e-6, (System.nanoTime() - startNanos) / 1e9);
        double kbs = bytes / 1024.0 / secs;
        return String.format(Locale.ROOT, "(%.1f KiloBytes/sec) (average %.1f KiloBytes/sec)", kbs, kbs);
    }

    private boolean confirm(String question) {
        if (!prompt || promptInput == null) {
            return true;
        }
        out.print(question + " ");
        out.flush();
        try {
            String answer = promptInput.readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }

    private void mget(List<String> args) throws IOException {
        for (String m : args.isEmpty() ? List.of(mask) : args) {
            String abs = absolute(m);
            mgetDir(parent(abs), leaf(abs), localDir);
        }
    }

    private void mgetDir(String dir, String pattern, Path local) throws IOException {
        String d = dir.endsWith("\\") ? dir : dir + "\\";
        for (FileEntry e : tree.list(rel(dir), "*")) {
            if (e.name().equals(".") || e.name().equals("..")) {
                continue;
            }
            if (e.isDirectory()) {
                if (recurse && confirm("Get directory " + e.name() + "?")) {
                    Path sub = local.resolve(e.name());
                    Files.createDirectories(sub);
                    mgetDir(d + e.name(), pattern, sub);
                }
            } else if (matches(pattern, e.name()) && confirm("Get file " + e.name() + "?")) {
                Path saved = localDir;
                localDir = local;
                try {
                    get(d + e.name(), e.name());
                } finally {
                    localDir = saved;
                }
            }
        }
    }

    private void mput(List<String> args) throws IOException {
        for (String m : args.isEmpty() ? List.of(mask) : args) {
            mputDir(localDir, m, cwd);
        }
    }

    private void mputDir(Path local, String pattern, String remoteDir) throws IOException {
        List<Path> children;
        try (var s = Files.list(local)) {
            children = s.sorted().toList();
        }
        for (Path p : children) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                if (recurse && confirm("Put directory " + name + "?")) {
                    String sub = remoteDir + name;
                    try {
                        tree.mkdir(rel(sub));
                    } catch (IOException ignored) {
                        // exists already
                    }
                    mputDir(p, pattern, sub + "\\");
                }
            } else if (matches(pattern, name) && confirm("Put file " + name + "?")) {
                long start = System.nanoTime();
                long n;
                n = tree.upload(rel(remoteDir + name), p, b -> { });
                out.println(String.format(Locale.ROOT, "putting file %s as %s%s %s", name, remoteDir, name, rate(n, start)));
            }
        }
    }

    /** DOS wildcard match: {@code *} and {@code ?}, case-insensitive. */
    static boolean matches(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(name).matches();
    }

    private interface RemoteOp {
        void apply(String path) throws IOException;
    }

    private void remoteOp(String what, String arg, RemoteOp op) throws IOException {
        String abs = absolute(arg);
        op.apply(rel(abs));
    }

    private void rm(String maskArg) throws IOException {
        String abs = absolute(maskArg);
        String pattern = leaf(abs);
        if (!pattern.contains("*") && !pattern.contains("?")) {
            remoteOp("deleting remote file", maskArg, tree::delete);
            return;
        }
        String dir = parent(abs);
        String d = dir.endsWith("\\") ? dir : dir + "\\";
        for (FileEntry e : tree.list(rel(dir), "*")) {
            if (!e.isDirectory() && matches(pattern, e.name())) {
                tree.delete(rel(d + e.name()));
            }
        }
    }

    private void rename(List<String> args) throws IOException, UsageException {
        if (args.size() < 2) {
            throw new UsageException("rename <src> <dest>");
        }
        String from = absolute(args.get(0));
        String to = absolute(args.get(1));
        tree.rename(rel(from), rel(to));
    }

    private void allinfo(String arg) throws IOException {
        String abs = absolute(arg);
        FileEntry e = tree.stat(rel(abs));
        out.println("altname: " + leaf(abs));
        out.println("create_time:    " + Listing.asctime(e.creationTime(), zone) + " " + zoneName());
        out.println("access_time:    " + Listing.asctime(e.lastAccessTime(), zone) + " " + zoneName());
        out.println("write_time:     " + Listing.asctime(e.lastWriteTime(), zone) + " " + zoneName());
        out.println("change_time:    " + Listing.asctime(e.changeTime(), zone) + " " + zoneName());
        out.println(String.format(Locale.ROOT, "attributes: %s (%x)", Listing.attributes(e.attributes()), e.attributes()));
        if (!e.isDirectory()) {
            out.println(String.format(Locale.ROOT, "stream: [::$DATA], %d bytes", e.size()));
        }
    }

    private String zoneName() {
        return zone.getId().equals("Z") || zone.getId().equals("UTC") ? "UTC" : zone.getId();
    }

    private void stat(String arg) throws IOException {
        String abs = absolute(arg);
        FileEntry e = tree.stat(rel(abs));
        out.println("File: " + abs);
        out.println(String.format(Locale.ROOT, "Size: %-12d Blocks: %d\t%s", e.size(), (e.allocationSize() + 511) / 512,
                e.isDirectory() ? "directory" : "regular file"));
        out.println(String.format(Locale.ROOT, "Attributes: %s (0x%x)", Listing.attributes(e.attributes()), e.attributes()));
        out.println("Access: " + Listing.asctime(e.lastAccessTime(), zone));
        out.println("Modify: " + Listing.asctime(e.lastWriteTime(), zone));
        out.println("Change: " + Listing.asctime(e.changeTime(), zone));
    }
}

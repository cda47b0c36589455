package org.smbscope.server.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.ChangeNotifyResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/**
 * Directory watchers of one tree ([MS-SMB2] 3.3.5.19 CHANGE_NOTIFY, [MS-FSA] 2.1.5.10): a watch starts with
 * a directory open's first CHANGE_NOTIFY and buffers the changes this server makes until the next request
 * takes them. A request with nothing buffered waits ({@link Outcome.Pending}); closing the handle answers
 * STATUS_NOTIFY_CLEANUP, CANCEL STATUS_CANCELLED, too many changes STATUS_NOTIFY_ENUM_DIR.
 */
final class NotifyRegistry {
    static final int FILE_NAME = 0x1;
    static final int DIR_NAME = 0x2;
    static final int ATTRIBUTES = 0x4;
    static final int SIZE = 0x8;
    static final int LAST_WRITE = 0x10;
    static final int CREATION = 0x40;
    static final int SECURITY = 0x100;
    /** FILE_NOTIFY_CHANGE_STREAM_NAME, _STREAM_SIZE and _STREAM_WRITE ([MS-SMB2] 2.2.35). */
    static final int STREAM_NAME = 0x200;
    static final int STREAM_SIZE = 0x400;
    static final int STREAM_WRITE = 0x800;
    /** Changes kept for a watch with no request waiting; beyond that the next answer is NOTIFY_ENUM_DIR. */
    static final int MAX_BUFFERED = 512;

    private record Waiting(CompletableFuture<Outcome.Done> future, int max) {
    }

    private static final class Watch {
        final Open dir;
        /** Set by the first request on the handle; later requests cannot change them ([MS-FSA] 2.1.5.10). */
        boolean tree;
        int filter;
        /** The first request's buffer size: no later answer on this handle is bigger. */
        long firstMax = -1;
        final List<FileNotifyInformation> buffered = new ArrayList<>();
        boolean overflow;
        final java.util.ArrayDeque<Waiting> waiting = new java.util.ArrayDeque<>();

        Watch(Open dir) {
            this.dir = dir;
        }
    }

    private final Map<Open, Watch> watches = new LinkedHashMap<>();

    Outcome request(Open dir, ChangeNotifyRequest r) {
        Outcome.Done now;
        if (dir.state.deletePending) {
            // [MS-FSA] 2.1.5.10: a directory already delete pending takes no more watches
            return Outcome.Done.error(NtStatus.DELETE_PENDING, Smb2Command.CHANGE_NOTIFY);
        }
        synchronized (this) {
            Watch w = watches.get(dir);
            long asked = r.outputBufferLength() & 0xFFFFFFFFL;
            if (w == null) {
                w = new Watch(dir);
                w.tree = (r.flags() & ChangeNotifyRequest.WATCH_TREE) != 0;
                w.filter = r.completionFilter();
                w.firstMax = asked;
                watches.put(dir, w);
            }
            int max = (int) Math.min(asked, w.firstMax);
            if (!w.waiting.isEmpty() || (!w.overflow && w.buffered.isEmpty())) {
                CompletableFuture<Outcome.Done> f = new CompletableFuture<>();
                w.waiting.add(new Waiting(f, max));
                return new Outcome.Pending(f, () -> cancel(dir, f));
            }
            now = drain(w, max);
        }
        return now;
    }

    private static Outcome.Done drain(Watch w, int max) {
        List<FileNotifyInformation> list = new ArrayList<>(w.buffered);
        boolean overflow = w.overflow;
        w.buffered.clear();
        w.overflow = false;
        byte[] out = FileNotifyInformation.encode(list);
        if (overflow || out.length > max) {
            return new Outcome.Done(NtStatus.NOTIFY_ENUM_DIR, new ChangeNotifyResponse(new byte[0]));
        }
        return Outcome.Done.ok(new ChangeNotifyResponse(out));
    }

    private void cancel(Open dir, CompletableFuture<Outcome.Done> f) {
        synchronized (this) {
            Watch w = watches.get(dir);
            if (w == null || !w.waiting.removeIf(x -> x.future() == f)) {
                return;
            }
        }
        f.complete(Outcome.Done.error(NtStatus.CANCELLED, Smb2Command.CHANGE_NOTIFY));
    }

    /** The handle {@code dir} was closed: waiting requests end with STATUS_NOTIFY_CLEANUP. */
    void closed(Open dir) {
        List<Waiting> ended;
        synchronized (this) {
            Watch w = watches.remove(dir);
            if (w == null) {
                return;
            }
            ended = new ArrayList<>(w.waiting);
        }
        for (Waiting x : ended) {
            x.future().complete(new Outcome.Done(NtStatus.NOTIFY_CLEANUP, new ChangeNotifyResponse(new byte[0])));
        }
    }

    /**
     * The directory of {@code state} is delete pending (its delete-on-close handle closed while others stay
     * open): requests waiting on it end with STATUS_DELETE_PENDING, as on Windows and Samba.
     */
    void deletePending(FileState state) {
        List<Waiting> ended = new ArrayList<>();
        synchronized (this) {
            for (Watch w : watches.values()) {
                if (w.dir.state == state) {
                    ended.addAll(w.waiting);
                    w.waiting.clear();
                }
            }
        }
        for (Waiting x : ended) {
            x.future().complete(Outcome.Done.error(NtStatus.DELETE_PENDING, Smb2Command.CHANGE_NOTIFY));
        }
    }

    /**
     * One change this server made: {@code path} changed in a way named by {@code filter} bits; {@code stream}
     * names the file's named stream that changed (reported as {@code file:stream}), or is null.
     */
    record Change(Path path, int action, int filter, String stream) {
        Change(Path path, int action, int filter) {
            this(path, action, filter, null);
        }
    }

    /** {@code changed} (a file or directory of the share) changed in a way named by {@code filterBits}. */
    void report(Path changed, int action, int filterBits) {
        report(List.of(new Change(changed, action, filterBits)));
    }

    /** Changes that belong together (a rename's old and new name) reach a watcher in one answer. */
    void report(List<Change> changes) {
        List<Runnable> done = new ArrayList<>();
        synchronized (this) {
            if (watches.isEmpty()) {
                return;
            }
            for (Watch w : watches.values()) {
                boolean any = false;
                for (Change c : changes) {
                    String name = nameFor(w, c);
                    if (name == null) {
                        continue;
                    }
                    if (c.stream() != null) {
                        name = name + ":" + c.stream();
                    }
                    any = true;
                    if (w.buffered.size() >= MAX_BUFFERED) {
                        w.overflow = true;
                        w.buffered.clear();
                    } else if (!w.overflow) {
                        w.buffered.add(new FileNotifyInformation(c.action(), name));
                    }
                }
                if (any && !w.waiting.isEmpty()) {
                    Waiting next = w.waiting.poll();
                    Outcome.Done answer = drain(w, next.max());
                    done.add(() -> next.future().complete(answer));
                }
            }
        }
        done.forEach(Runnable::run);
    }

    private static String nameFor(Watch w, Change c) {
        if ((w.filter & c.filter()) == 0) {
            return null;
        }
        Path changed = c.path();
        Path parent = changed.getParent();
        Path dir = w.dir.path();
        if (parent == null || changed.getFileName() == null) {
            return null;
        }
        if (parent.equals(dir)) {
            return changed.getFileName().toString();
        }
        if (w.tree && changed.startsWith(dir) && !changed.equals(dir)) {
            return String.join("\\", iterate(dir.relativize(changed)));
        }
        return null;
    }

    private static List<String> iterate(Path rel) {
        List<String> out = new ArrayList<>();
        rel.forEach(p -> out.add(p.toString()));
        return out;
    }
}

package org.smbscope.codec.smb1;

import java.util.Map;

import org.smbscope.codec.status.NtStatus;

/**
 * A DOS-style SMB error (ErrorClass, ErrorCode), used when Flags2 NT_STATUS is clear. [MS-CIFS] 2.2.2.4
 * SMB Error Classes and Codes. Open: an unknown pair keeps its numbers; {@link #ntStatus()} gives the
 * NTSTATUS the spec's table pairs with it (UNSUCCESSFUL when none).
 */
public record DosError(int errorClass, int errorCode) {
    public static final int ERRDOS = 0x01;
    public static final int ERRSRV = 0x02;
    public static final int ERRHRD = 0x03;
    public static final int ERRCMD = 0xFF;

    private static final Map<Integer, String> CLASSES = Map.of(0x00, "SUCCESS", ERRDOS, "ERRDOS", ERRSRV, "ERRSRV",
            ERRHRD, "ERRHRD", ERRCMD, "ERRCMD");

    private record Entry(String name, int status) {
    }

    private static final Map<Integer, Entry> CODES = Map.ofEntries(
            Map.entry(key(ERRDOS, 1), new Entry("ERRbadfunc", 0xC0000010)),
            Map.entry(key(ERRDOS, 2), new Entry("ERRbadfile", 0xC0000034)),
            Map.entry(key(ERRDOS, 3), new Entry("ERRbadpath", 0xC000003A)),
            Map.entry(key(ERRDOS, 4), new Entry("ERRnofids", 0xC000011F)),
            Map.entry(key(ERRDOS, 5), new Entry("ERRnoaccess", 0xC0000022)),
            Map.entry(key(ERRDOS, 6), new Entry("ERRbadfid", 0xC0000008)),
            Map.entry(key(ERRDOS, 8), new Entry("ERRnomem", 0xC0000017)),
            Map.entry(key(ERRDOS, 18), new Entry("ERRnofiles", 0x80000006)),
            Map.entry(key(ERRDOS, 32), new Entry("ERRbadshare", 0xC0000043)),
            Map.entry(key(ERRDOS, 50), new Entry("ERRunsup", 0xC00000BB)),
            Map.entry(key(ERRDOS, 80), new Entry("ERRfilexists", 0xC0000035)),
            Map.entry(key(ERRDOS, 87), new Entry("ERRinvalidparam", 0xC000000D)),
            Map.entry(key(ERRDOS, 145), new Entry("ERRdirnotempty", 0xC0000101)),
            Map.entry(key(ERRDOS, 183), new Entry("ERRalreadyexists", 0xC0000035)),
            Map.entry(key(ERRDOS, 234), new Entry("ERRmoredata", 0x80000005)),
            Map.entry(key(ERRSRV, 1), new Entry("ERRerror", 0xC0000001)),
            Map.entry(key(ERRSRV, 2), new Entry("ERRbadpw", 0xC000006D)),
            Map.entry(key(ERRSRV, 4), new Entry("ERRaccess", 0xC0000022)),
            Map.entry(key(ERRSRV, 5), new Entry("ERRinvtid", 0xC00000C9)),
            Map.entry(key(ERRSRV, 6), new Entry("ERRinvnetname", 0xC00000CC)),
            Map.entry(key(ERRSRV, 91), new Entry("ERRbaduid", 0xC000006D)),
            Map.entry(key(ERRSRV, 2239), new Entry("ERRaccountExpired", 0xC0000193)),
            Map.entry(key(ERRSRV, 0xFFFF), new Entry("ERRnosupport", 0xC00000BB)),
            Map.entry(key(ERRHRD, 19), new Entry("ERRnowrite", 0xC00000A2)),
            Map.entry(key(ERRHRD, 39), new Entry("ERRdiskfull", 0xC000007F)));

    public DosError {
        if (errorClass < 0 || errorClass > 0xFF || errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("DOS error " + errorClass + "/" + errorCode);
        }
    }

    private static int key(int cls, int code) {
        return cls << 16 | code;
    }

    /** The class and code carried in a header whose Flags2 NT_STATUS is clear. */
    public static DosError of(Smb1Header header) {
        return new DosError(header.errorClass(), header.errorCode());
    }

    public boolean isSuccess() {
        return errorClass == 0 && errorCode == 0;
    }

    /** e.g. "ERRDOS/ERRbadfile", or "ERRDOS/UNKNOWN(99)". */
    public String name() {
        String cls = CLASSES.getOrDefault(errorClass, String.format("UNKNOWN(0x%02x)", errorClass));
        Entry e = CODES.get(key(errorClass, errorCode));
        return cls + "/" + (e != null ? e.name() : "UNKNOWN(" + errorCode + ")");
    }

    /** The NTSTATUS this DOS error stands for ([MS-CIFS] 2.2.2.4), SUCCESS for 0/0, UNSUCCESSFUL when unknown. */
    public NtStatus ntStatus() {
        if (isSuccess()) {
            return NtStatus.SUCCESS;
        }
        Entry e = CODES.get(key(errorClass, errorCode));
        return new NtStatus(e != null ? e.status() : 0xC0000001);
    }

    @Override
    public String toString() {
        return name();
    }
}

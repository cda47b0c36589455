package org.smbscope.bench;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CloseResponse;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.Smb2Response;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.smb2.WriteResponse;
import org.smbscope.codec.status.NtStatus;

/**
 * Typical SMB2 messages of a file transfer session, built with the codec, for the micro
 * benchmarks and the synthetic capture: CREATE, READ, WRITE, QUERY_DIRECTORY, CLOSE requests and
 * responses. Deterministic (fixed seed, fixed times).
 */
public final class SampleMessages {
    public static final long SESSION_ID = 0x0000_1000_0000_0041L;
    public static final int TREE_ID = 5;
    public static final FileId FILE = new FileId(0x1122_3344_5566_7788L, 0x0102_0304_0506_0708L);
    private static final FileTime TIME = FileTime.of(Instant.parse("2026-11-21T03:00:00Z"));

    private SampleMessages() {
    }

    /** {@code length} pseudo-random bytes (seeded, so every run sees the same data). */
    public static byte[] data(int length) {
        byte[] b = new byte[length];
        new SplittableRandom(length).nextBytes(b);
        return b;
    }

    public static Smb2Header requestHeader(Smb2Request body, long messageId, int creditCharge) {
        return Smb2Header.request(body.command(), messageId).withCreditCharge(creditCharge).withCredits(creditCharge)
                .withSessionId(SESSION_ID).withTreeId(TREE_ID);
    }

    public static Smb2Header responseHeader(Smb2Header request) {
        return Smb2Header.responseTo(request, NtStatus.SUCCESS, request.creditCharge());
    }

    public static CreateRequest createRequest(String name) {
        return new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION,
                new AccessMask(AccessMask.FILE_READ_DATA.value() | AccessMask.FILE_READ_ATTRIBUTES.value()
                        | AccessMask.SYNCHRONIZE.value()), Set.of(),
                new ShareAccess(ShareAccess.READ.value() | ShareAccess.WRITE.value() | ShareAccess.DELETE.value()),
                CreateDisposition.OPEN, new CreateOptions(CreateOptions.NON_DIRECTORY_FILE.value()), name, List.of());
    }

    public static CreateResponse createResponse(long size) {
        return new CreateResponse(OplockLevel.NONE, 0, CreateAction.OPENED, TIME, TIME, TIME, TIME, size, size,
                Set.of(FileAttribute.ARCHIVE), FILE, List.of());
    }

    public static ReadRequest readRequest(long offset, int length) {
        return ReadRequest.of(FILE, offset, length);
    }

    public static ReadResponse readResponse(byte[] data) {
        return ReadResponse.of(data);
    }

    public static WriteRequest writeRequest(long offset, byte[] data) {
        return WriteRequest.of(FILE, offset, ByteBuffer.wrap(data));
    }

    public static WriteResponse writeResponse(int count) {
        return new WriteResponse(count, 0);
    }

    public static CloseRequest closeRequest() {
        return new CloseRequest(0, FILE);
    }

    public static CloseResponse closeResponse() {
        return new CloseResponse(0, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, 0, 0, Set.of());
    }

    public static QueryDirectoryRequest queryDirectoryRequest() {
        return new QueryDirectoryRequest(FileInformationClass.ID_BOTH_DIRECTORY, 0, 0, FILE, "*", 65536);
    }

    /** A listing of {@code count} files named {@code file-00000.bin}... as FileIdBothDirectoryInformation. */
    public static QueryDirectoryResponse queryDirectoryResponse(int count) {
        List<DirectoryEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new DirectoryEntry(FileInformationClass.ID_BOTH_DIRECTORY, 0, TIME, TIME, TIME, TIME, 4096,
                    4096, Set.of(FileAttribute.ARCHIVE), 0, "", 1000 + i, String.format("file-%05d.bin", i)));
        }
        return new QueryDirectoryResponse(DirectoryInformation.encode(FileInformationClass.ID_BOTH_DIRECTORY, entries));
    }

    /** Encodes a request as message {@code messageId}. */
    public static byte[] request(Smb2Request body, long messageId, int creditCharge) {
        return Smb2Codec.encode(requestHeader(body, messageId, creditCharge), body);
    }

    /** Encodes the response to a request encoded by {@link #request}. */
    public static byte[] response(Smb2Response body, long messageId, Smb2Request request, int creditCharge) {
        return Smb2Codec.encode(responseHeader(requestHeader(request, messageId, creditCharge)), body);
    }
}

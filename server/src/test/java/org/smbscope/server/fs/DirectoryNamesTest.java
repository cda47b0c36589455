package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryNamesTest {
    @TempDir
    Path dir;

    private final DirectoryNames names = new DirectoryNames();

    private Path find(String name) throws IOException {
        return names.find(dir, Files.readAttributes(dir, BasicFileAttributes.class), name);
    }

    private void fill(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Files.createFile(dir.resolve("File" + i + ".dat"));
        }
    }

    @Test
    void findsANameIgnoringCaseAndKeepsALargeDirectory() throws IOException {
        fill(DirectoryNames.MIN_ENTRIES);
        assertThat(find("FILE7.DAT")).isEqualTo(dir.resolve("File7.dat"));
        assertThat(find("file7.Dat")).isEqualTo(dir.resolve("File7.dat"));
        assertThat(find("missing.dat")).isNull();
        assertThat(names.size()).isEqualTo(1);
    }

    @Test
    void aSmallDirectoryIsListedEachTime() throws IOException {
        fill(3);
        assertThat(find("file2.DAT")).isEqualTo(dir.resolve("File2.dat"));
        assertThat(names.size()).isZero();
        assertThat(find("NEW.txt")).isNull();
        Files.createFile(dir.resolve("new.TXT"));
        assertThat(find("NEW.txt")).isEqualTo(dir.resolve("new.TXT"));
    }

    @Test
    void aNameAnotherProgramAddsIsSeenBecauseTheDirectoryChanged() throws IOException {
        fill(DirectoryNames.MIN_ENTRIES);
        assertThat(find("outside.txt")).isNull();
        Files.createFile(dir.resolve("Outside.TXT"));
        assertThat(find("outside.txt")).isEqualTo(dir.resolve("Outside.TXT"));
    }

    @Test
    void aNameThisServerAddsIsKeptWithoutListingAgain() throws IOException {
        fill(DirectoryNames.MIN_ENTRIES);
        assertThat(find("Mine.dat")).isNull();
        Path mine = Files.createFile(dir.resolve("Mine.dat"));
        names.added(mine);
        assertThat(find("MINE.DAT")).isEqualTo(mine);
        assertThat(names.size()).isEqualTo(1);
    }

    @Test
    void aRemovedNameIsNotFoundOnceTheDirectoryChanged() throws IOException {
        fill(DirectoryNames.MIN_ENTRIES);
        assertThat(find("file1.dat")).isEqualTo(dir.resolve("File1.dat"));
        Files.delete(dir.resolve("File1.dat"));
        assertThat(find("file1.dat")).isNull();
    }

    @Test
    void forgetDropsTheListing() throws IOException {
        fill(DirectoryNames.MIN_ENTRIES);
        find("x");
        names.forget(dir);
        assertThat(names.size()).isZero();
    }
}

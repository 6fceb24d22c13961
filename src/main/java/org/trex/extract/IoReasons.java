package org.trex.extract;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words a user can act on: the JDK gives some failures only as a path (a missing
 * folder, a denied write), which alone reads as no reason at all.
 */
public final class IoReasons {
    private IoReasons() {
    }

    /** The reason, naming the path it concerns where the JDK gives the path alone. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "there is no such file or folder as " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "this user may not write " + denied.getFile();
        }
        if (e instanceof NotDirectoryException notFolder) {
            return notFolder.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

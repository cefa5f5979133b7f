package kh.gov.spean.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;

import picocli.CommandLine;

import kh.gov.spean.error.SpeanException;

/**
 * Prints a failed command's error code and reason on one line (exit 2), a file or folder that cannot be read or
 * written by its name and why, and a file, identifier or value the command cannot use by what its parser said;
 * other failures (bugs) keep their stack trace.
 */
final class CodedFailureHandler implements CommandLine.IExecutionExceptionHandler {

    static final int CODED_FAILURE = 2;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (failure instanceof SpeanException coded) {
            print(commandLine, coded.code() + ": " + coded.detail());
            return CODED_FAILURE;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            IOException cause = unchecked.getCause();
            boolean saysMore = !unchecked.getMessage().equals(cause.toString());
            print(commandLine, saysMore ? unchecked.getMessage() + " (" + reason(cause) + ")" : reason(cause));
            return CODED_FAILURE;
        }
        if (failure instanceof IOException file) {
            print(commandLine, reason(file));
            return CODED_FAILURE;
        }
        if (failure instanceof JsonException || failure instanceof JsonbException) {
            print(commandLine, "a file is not the JSON expected: " + failure.getMessage());
            return CODED_FAILURE;
        }
        if (failure instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            // What the core's parsers say of an identifier, certificate or log they cannot use.
            print(commandLine, refused.getMessage());
            return CODED_FAILURE;
        }
        throw failure;
    }

    /** One line, whatever a message quotes of a file or a log: control characters shown, never sent to the terminal. */
    private static void print(CommandLine commandLine, String message) {
        commandLine.getErr().println("spean: " + TerminalText.line(message));
    }

    private static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof NotDirectoryException notFolder) {
            return "not a folder: " + notFolder.getFile();
        }
        if (failure instanceof FileSystemException other) {
            return other.getFile() + ": " + (other.getReason() != null ? other.getReason()
                    : other.getClass().getSimpleName());
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}

package kh.gov.spean.cli;

import picocli.CommandLine;

import kh.gov.spean.error.SpeanException;

/** Prints a failed command's error code and reason on one line (exit 2); unexpected failures keep their stack trace. */
final class CodedFailureHandler implements CommandLine.IExecutionExceptionHandler {

    static final int CODED_FAILURE = 2;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (failure instanceof SpeanException coded) {
            commandLine.getErr().println("spean: " + coded.code() + ": " + coded.detail());
            return CODED_FAILURE;
        }
        throw failure;
    }
}

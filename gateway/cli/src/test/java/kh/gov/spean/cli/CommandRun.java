package kh.gov.spean.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the spean command line in this JVM and keeps what it printed, still echoing it so a build log shows it. */
record CommandRun(int exit, String output, String errors) {

    static CommandRun of(String... arguments) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream complained = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err, complained), true, StandardCharsets.UTF_8));
            exit = SpeanCommand.execute(arguments);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new CommandRun(exit, printed.toString(StandardCharsets.UTF_8), complained.toString(StandardCharsets.UTF_8));
    }

    /** Writes to the console and to a buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream buffer;

        Tee(OutputStream console, OutputStream buffer) {
            this.console = console;
            this.buffer = buffer;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            buffer.write(bytes, offset, length);
        }
    }
}

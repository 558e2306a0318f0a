package com.ordertracking.local.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Holds back what the embedded services print while they start (DynamoDB Local's configuration
 * block, JDK warnings about native access and sun.misc.Unsafe from libraries, Pekko's notices), so
 * the console starts with our banner. Shown after all when start-up fails, since then it may be the
 * explanation.
 */
final class StartupOutput {
    private final PrintStream out;
    private final PrintStream err;
    private final ByteArrayOutputStream held;

    private StartupOutput(PrintStream out, PrintStream err, ByteArrayOutputStream held) {
        this.out = out;
        this.err = err;
        this.held = held;
    }

    static StartupOutput passThrough() {
        return new StartupOutput(System.out, System.err, null);
    }

    static StartupOutput holdBack() {
        StartupOutput output = new StartupOutput(System.out, System.err, new ByteArrayOutputStream());
        PrintStream sink = new PrintStream(output.held, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        return output;
    }

    /** Restores the console; prints what was held back when {@code failed}. */
    void release(boolean failed) {
        System.setOut(out);
        System.setErr(err);
        if (held != null && failed) {
            err.print(held.toString(StandardCharsets.UTF_8));
        }
    }
}

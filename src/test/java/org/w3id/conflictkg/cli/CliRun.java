package org.w3id.conflictkg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test helper: one command line run through {@link Main#execute}, with its exit code and both output streams. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}

package org.w3id.conflictkg.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.w3id.conflictkg.KgException;

/** The {@code conflict-kg} command line: ingest reports, query the store, serve SPARQL. */
@Command(name = "conflict-kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "ConflictKG: claims about the Russia-Ukraine war, each attributed to who made it and the "
                + "report it came from, in a TDB2 store you can query with SPARQL.",
        subcommands = {IngestCommand.class, IngestGazetteerCommand.class, QueryCommand.class, ServeCommand.class,
            ExtractCommand.class, LinkCommand.class, ExportCommand.class, ExportGeoJsonCommand.class,
            BackupCommand.class, RestoreCommand.class, CompactCommand.class, CheckCommand.class,
            LoadCheckCommand.class, BenchCommand.class, SynthCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command ran and failed (unreadable report, locked store, bad SPARQL)",
            "2:usage error (unknown option, missing argument)"})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // Run bare: show what there is to run.
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; never calls System.exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof KgException) {
                line.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            // Unexpected: keep the stack trace, it is a bug to report.
            ex.printStackTrace(line.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    /** The version from the jar's manifest (set by Maven), or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"conflict-kg " + (v != null ? v : "development")
                    + " (Apache Jena 5.6.0, Apache OpenNLP 2.5)"};
        }
    }
}

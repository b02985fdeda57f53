package org.w3id.conflictkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --store} option, declared once and mixed into every command that opens a store. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "The TDB2 store folder (created when missing; default: ${DEFAULT-VALUE}).")
    Path store;
}

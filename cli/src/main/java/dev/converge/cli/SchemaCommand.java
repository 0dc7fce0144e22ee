package dev.converge.cli;

import dev.converge.SchemaScript;
import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code converge schema}: the migrations' target schema as a full-schema script, usable as the baseline. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print (or write with --out) the schema the migrations build, as a script usable as --baseline.")
final class SchemaCommand extends Subcommand {
    @Mixin
    SourceOptions source;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the script to FILE instead of printing it.")
    Path out;

    @Override
    int execute() {
        String script = SchemaScript.of(source.source().load());
        if (out == null) {
            io().out().print(script);
            return 0;
        }
        try {
            Files.writeString(out, script);
        } catch (IOException e) {
            throw ConvergeException.builder(ErrorCode.BAD_INPUT, "cannot write " + out + ": " + e
                    + ". Check the folder exists and is writable.").file(out.toString()).cause(e).build();
        }
        io().out().println("wrote " + out);
        return 0;
    }
}

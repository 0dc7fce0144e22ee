package dev.converge.maven;

import dev.converge.detect.ReferenceCache;
import dev.converge.source.MigrationSource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code converge:compile-reference}: replays the migrations at build time and writes their compiled reference into
 * the classes as {@code META-INF/converge/reference-<checksum chain>.bin}, so the packaged application plans without
 * replaying them at start-up. The resource is used only when its checksum chain, format, SQLite version and content
 * hash all check out; otherwise the application replays as it would without it.
 */
@Mojo(name = "compile-reference", defaultPhase = LifecyclePhase.PROCESS_CLASSES)
public final class CompileReferenceMojo extends ConvergeMojo {
    /** Where the classes are: the resource goes under it. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File outputDirectory;

    @Override
    void run() throws MojoFailureException {
        try {
            Path file = ReferenceCache.compileInto(MigrationSource.folder(migrations.toPath()).load(),
                    outputDirectory.toPath());
            getLog().info("Converge: compiled reference " + file);
        } catch (IOException e) {
            throw new MojoFailureException("Converge: cannot write the compiled reference into " + outputDirectory
                    + ": " + e.getMessage(), e);
        }
    }
}

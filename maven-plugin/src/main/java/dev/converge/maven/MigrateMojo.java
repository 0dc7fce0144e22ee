package dev.converge.maven;

import dev.converge.Converge;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;

/**
 * {@code converge:migrate}: brings the configured database to the target schema from whatever state it is in,
 * creating a missing file. Converge's run log (a line per step, warnings for drift and tolerated versions) is Maven's
 * log; a refusal fails the build with Converge's message.
 */
@Mojo(name = "migrate")
public final class MigrateMojo extends ConvergeMojo {
    @Override
    void run() throws MojoFailureException {
        Converge.Builder b = withDatabase("migrate");
        if (!database.startsWith("jdbc:")) {
            // a database under target/ in a fresh checkout: its folder is made, as migrate makes the file
            File parent = new File(database).isAbsolute() ? new File(database).getParentFile()
                    : new File(basedir, database).getParentFile();
            if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
                throw new MojoFailureException("Converge: cannot create the folder " + parent + " for <database>");
            }
        }
        b.load().migrate(); // its run log, summary included, is Maven's log (MavenLog)
    }
}

package dev.converge;

import dev.converge.LintReport.Finding;
import dev.converge.detect.MigrationEffects;
import dev.converge.detect.Reference;
import dev.converge.schema.Schema;
import dev.converge.sql.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The hazard lint: warnings, naming file and line, about statements that lose data or fail on real data on any
 * runner. Each rule is its own class and says what to do instead; they apply in this order:
 * <ol>
 *   <li>{@link DropWithoutCopy}: a DROP TABLE / DROP COLUMN of a table an earlier migration made (it may hold rows)
 *       with no copy of its rows before it in the same migration;</li>
 *   <li>{@link CopyLeavesOutColumn}: a rebuild's {@code INSERT INTO new (…) SELECT … FROM old} that leaves out a
 *       column both tables have, or a NOT NULL column of the new table without a default;</li>
 *   <li>{@link SelectStarOrder}: {@code INSERT INTO t SELECT * FROM s} where the two column orders differ;</li>
 *   <li>{@link NotNullWithoutDefault}: {@code ALTER TABLE … ADD COLUMN … NOT NULL} without a default;</li>
 *   <li>{@link UniqueOnExistingTable}: a UNIQUE index on a table an earlier migration made;</li>
 *   <li>{@link ParentRename}: renaming a table other tables' foreign keys point at;</li>
 *   <li>{@link SchemaTableWrite}: a direct write to {@code sqlite_schema} / {@code sqlite_master}.</li>
 * </ol>
 */
final class HazardLint {
    private static final List<HazardRule> RULES = List.of(new DropWithoutCopy(), new CopyLeavesOutColumn(),
            new SelectStarOrder(), new NotNullWithoutDefault(), new UniqueOnExistingTable(), new ParentRename(),
            new SchemaTableWrite());

    private HazardLint() {
    }

    /** Every hazard warning of the replayed set, in migration and statement order. */
    static List<Finding> check(Reference ref) {
        List<Finding> out = new ArrayList<>();
        for (MigrationEffects me : ref.migrations()) {
            Schema atStart = ref.schemaAt(me.start());
            List<Statement> statements = me.statements();
            java.util.function.IntPredicate meant = MeantComments.of(me.migration());
            for (int i = 0; i < statements.size(); i++) {
                HazardRule.Context c = new HazardRule.Context(me.migration().origin(), meant, statements, i, atStart,
                        ref.schemaAt(me.start() + i));
                for (HazardRule r : RULES) {
                    r.check(c, out);
                }
            }
        }
        return out;
    }
}

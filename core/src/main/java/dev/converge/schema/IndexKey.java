package dev.converge.schema;

/**
 * One key of an index: a column or an expression, with its collation and order.
 *
 * @param column     the column name, or null for an expression key
 * @param expression the expression as normalized token text, or null for a column key
 * @param collation  the COLLATE name in upper case, or null
 * @param descending DESC
 */
public record IndexKey(String column, String expression, String collation, boolean descending) {
}

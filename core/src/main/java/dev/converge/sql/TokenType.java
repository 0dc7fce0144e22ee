package dev.converge.sql;

/** The kinds of token SQLite's tokenizer distinguishes, as far as Converge needs them. */
public enum TokenType {
    /** A bare word: a keyword or an unquoted identifier. */
    WORD,
    /** An identifier in {@code "…"}, {@code `…`} or {@code […]}. */
    QUOTED_IDENTIFIER,
    /** A string literal in {@code '…'}. */
    STRING,
    /** A numeric literal. */
    NUMBER,
    /** A blob literal {@code x'…'}. */
    BLOB,
    /** A bound parameter: {@code ?}, {@code ?1}, {@code :name}, {@code @name}, {@code $name}. */
    VARIABLE,
    /** An operator or punctuation other than {@code ;}. */
    PUNCT,
    /** The statement terminator {@code ;}. */
    SEMICOLON,
    /** A {@code --} or {@code /* *}{@code /} comment. */
    COMMENT
}

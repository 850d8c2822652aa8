/**
 * The message selector engine: parses Jakarta Messaging message selectors (Jakarta Messaging 3.1, section 3.8.1)
 * with a hand-written recursive-descent parser and evaluates them against a {@link
 * dev.postbox.jms.selector.SelectorContext} in SQL-92 three-valued logic. It depends on nothing but
 * {@code jakarta.jms} (for {@link jakarta.jms.InvalidSelectorException}) and the JDK.
 *
 * <p>Public API: {@link dev.postbox.jms.selector.Selector}, {@link dev.postbox.jms.selector.SelectorCache} and
 * {@link dev.postbox.jms.selector.SelectorContext}. Everything else (lexer, parser, syntax tree) is package-private.
 *
 * <h2>Decisions where section 3.8.1 leaves a choice or is unclear</h2>
 * <ol>
 *   <li><b>No selector.</b> A null, empty or whitespace-only text matches every message (3.8.1.1 treats the empty
 *       string as null; whitespace-only is treated the same).</li>
 *   <li><b>Identifiers.</b> 3.8.1.1 restricts header field references to JMSDeliveryMode, JMSPriority,
 *       JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType, and classifies every other name as JMSX
 *       (JMS defined), JMS_ (provider) or non-JMS (application) property. A name beginning with {@code JMS} that
 *       fits none of these (JMSDestination, JMSReplyTo, JMSRedelivered, JMSExpiration, JMSDeliveryTime, or a
 *       misspelling such as JMSTYPE) is therefore rejected with an InvalidSelectorException rather than silently
 *       read as an always-absent property. JMSDeliveryTime, added in 2.0, is still not in the 3.1 list.</li>
 *   <li><b>Static type checks</b> (allowed by 3.8.1.1: "providers may also optionally provide some semantic
 *       checking"). Where an operand's type is known at parse time (literals, arithmetic and conditional
 *       expressions, and the six header fields: JMSDeliveryMode, JMSMessageID, JMSCorrelationID and JMSType are
 *       strings, JMSPriority and JMSTimestamp numeric) the selector is invalid if it uses a string or boolean
 *       operand with {@code < <= > >=}, arithmetic or BETWEEN; compares two operands of known different types;
 *       uses a numeric or string expression as a condition (e.g. {@code "5"}, {@code "a AND 'x'"}); or applies
 *       IN or LIKE to a numeric header field.</li>
 *   <li><b>Unlike types.</b> A comparison of values of unlike types is FALSE, not UNKNOWN, as 3.8.1.1 says
 *       ("the value of the operation is false"); so {@code NOT (s = 1)} matches a string {@code s}. NULL makes
 *       a comparison UNKNOWN. An ordering comparison of two strings or two booleans found at evaluation time is
 *       FALSE as well.</li>
 *   <li><b>Numbers.</b> Exact numerics (Byte, Short, Integer, Long values and integer literals) are evaluated as
 *       {@code long}, approximate ones (Float, Double, floating literals) as {@code double}; mixing promotes to
 *       {@code double} (Java binary numeric promotion). Exact arithmetic wraps on overflow as Java's does; an
 *       exact division by zero is UNKNOWN; approximate arithmetic follows IEEE 754 (and NaN compares as in Java).
 *       Arithmetic on a non-numeric value is UNKNOWN.</li>
 *   <li><b>Literals.</b> "Java integer/floating-point literal syntax" is read as the JLS of Java 17: decimal, hex
 *       {@code 0x}, octal {@code 0}, binary {@code 0b}, underscores between digits, suffix {@code L}; decimal and
 *       hex floating literals with suffix {@code F} or {@code D}. Integer literals are 64-bit without {@code L}
 *       (the spec supports the long range), so {@code 0xFFFFFFFF} is 4294967295. As in Java,
 *       9223372036854775808 is valid only after a unary minus, and a floating literal that rounds to infinity or
 *       (from non-zero digits) to zero is invalid. An {@code F} literal is rounded to float, then widened.</li>
 *   <li><b>Keywords</b> are case-insensitive in ASCII only, so that a word like {@code ın} (dotless i) is an
 *       identifier, not IN. NULL is only allowed in {@code IS [NOT] NULL}. Comparisons do not chain
 *       ({@code a = b = c} is invalid), but a parenthesised condition may be compared with {@code =} or {@code <>}.
 *       The left side of IN, LIKE and IS [NOT] NULL must be an identifier, as the grammar in 3.8.1.1 says.</li>
 *   <li><b>BETWEEN</b> is evaluated by the equivalences 3.8.1.1 gives: {@code x >= a AND x <= b}, and for NOT
 *       BETWEEN {@code x < a OR x > b}; so both are FALSE for a non-numeric {@code x}.</li>
 *   <li><b>IN and LIKE</b> are UNKNOWN for a NULL identifier. For a non-string value IN is FALSE and NOT IN TRUE,
 *       following the equivalence with {@code =} comparisons in 3.8.1.1; LIKE and NOT LIKE are treated the
 *       same way.</li>
 *   <li><b>LIKE patterns.</b> {@code _} matches one Unicode code point. The ESCAPE string must be exactly one code
 *       point; in the pattern it must be followed by {@code _}, {@code %} or itself, else the selector is invalid
 *       (SQL-92's "invalid escape sequence"). Patterns are compiled at parse time into a matcher that does not use
 *       {@code java.util.regex}.</li>
 *   <li><b>Other values.</b> An identifier value of any type but String, Boolean, Byte, Short, Integer, Long,
 *       Float and Double is UNKNOWN, though {@code IS NULL} still sees that a value is present. An identifier
 *       used as a condition whose value is not a Boolean is UNKNOWN.</li>
 *   <li><b>Limits.</b> At most {@value dev.postbox.jms.selector.Selector#MAX_LENGTH} characters and
 *       {@value dev.postbox.jms.selector.Selector#MAX_DEPTH} levels of nesting (parentheses, NOT, unary signs,
 *       chained arithmetic operators); chains of AND and OR are flat and not limited.</li>
 *   <li><b>Errors</b> name the problem and its place: the column is one-based and counts UTF-16 characters;
 *       once the text has had a line terminator, the line is given too.</li>
 * </ol>
 */
package dev.postbox.jms.selector;

package dev.postbox.jms.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the selector grammar of Jakarta Messaging 3.1, section 3.8.1.1. Precedence, from
 * loosest to tightest: OR; AND; NOT; comparison ({@code = <> < <= > >=}, [NOT] BETWEEN, [NOT] IN, [NOT] LIKE,
 * IS [NOT] NULL, not associative); {@code + -}; {@code * /}; unary {@code + -}. Operators of one level associate
 * left to right. Nesting (parentheses, NOT, unary signs, arithmetic chains) is limited to
 * {@link Selector#MAX_DEPTH} levels so that neither parsing nor evaluation can exhaust the stack.
 */
final class SelectorParser {

    /** A parsed selector: its condition and the identifiers it references, in order of first appearance. */
    record Result(Condition condition, Set<String> identifiers) {
    }

    private final String source;
    private final List<Token> tokens;
    private final Set<String> identifiers = new LinkedHashSet<>();
    private int index;
    private int depth;

    private SelectorParser(String source) {
        this.source = source;
        this.tokens = SelectorLexer.tokenize(source);
    }

    /**
     * Parses a selector that is not blank.
     *
     * @throws SelectorSyntaxException if the text is not a valid selector
     */
    static Result parse(String source) {
        SelectorParser parser = new SelectorParser(source);
        int start = parser.peek().start();
        Expression expression = parser.orExpression();
        if (parser.peek().type() != TokenType.END) {
            throw parser.unexpected("expected AND, OR or the end of the selector");
        }
        Condition condition = TypeRules.condition(expression, start);
        return new Result(condition, Collections.unmodifiableSet(parser.identifiers));
    }

    private Expression orExpression() {
        int start = peek().start();
        Expression first = andExpression();
        if (peek().type() != TokenType.OR) {
            return first;
        }
        List<Condition> operands = new ArrayList<>();
        operands.add(TypeRules.condition(first, start));
        while (accept(TokenType.OR)) {
            int operandStart = peek().start();
            operands.add(TypeRules.condition(andExpression(), operandStart));
        }
        return new Or(operands);
    }

    private Expression andExpression() {
        int start = peek().start();
        Expression first = notExpression();
        if (peek().type() != TokenType.AND) {
            return first;
        }
        List<Condition> operands = new ArrayList<>();
        operands.add(TypeRules.condition(first, start));
        while (accept(TokenType.AND)) {
            int operandStart = peek().start();
            operands.add(TypeRules.condition(notExpression(), operandStart));
        }
        return new And(operands);
    }

    private Expression notExpression() {
        if (peek().type() != TokenType.NOT) {
            return comparison();
        }
        enter(next().start());
        int operandStart = peek().start();
        Condition operand = TypeRules.condition(notExpression(), operandStart);
        leave();
        return new Not(operand);
    }

    private Expression comparison() {
        int start = peek().start();
        Expression left = additive();
        Token token = peek();
        ComparisonOperator operator = comparisonOperator(token.type());
        if (operator != null) {
            next();
            Expression right = additive();
            return TypeRules.comparison(operator, left, right, token.start());
        }
        return switch (token.type()) {
            case NOT -> negatedPredicate(left, start);
            case BETWEEN, IN, LIKE -> predicate(left, start, false);
            case IS -> isNull(left, start);
            default -> left;
        };
    }

    private static ComparisonOperator comparisonOperator(TokenType type) {
        return switch (type) {
            case EQUAL -> ComparisonOperator.EQUAL;
            case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
            case LESS -> ComparisonOperator.LESS;
            case LESS_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            case GREATER -> ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            default -> null;
        };
    }

    private Condition negatedPredicate(Expression left, int start) {
        next();
        TokenType type = peek().type();
        if (type != TokenType.BETWEEN && type != TokenType.IN && type != TokenType.LIKE) {
            throw unexpected("expected BETWEEN, IN or LIKE after NOT");
        }
        return predicate(left, start, true);
    }

    private Condition predicate(Expression left, int start, boolean negated) {
        Token keyword = next();
        return switch (keyword.type()) {
            case BETWEEN -> between(left, start, negated);
            case IN -> in(TypeRules.identifier(left, start, "IN", true), negated);
            case LIKE -> like(TypeRules.identifier(left, start, "LIKE", true), negated);
            default -> throw new IllegalStateException("not a predicate keyword: " + keyword);
        };
    }

    private Condition between(Expression value, int start, boolean negated) {
        TypeRules.numeric(value, start, "BETWEEN");
        int lowStart = peek().start();
        Expression low = TypeRules.numeric(additive(), lowStart, "BETWEEN");
        expect(TokenType.AND, "expected AND in BETWEEN");
        int highStart = peek().start();
        Expression high = TypeRules.numeric(additive(), highStart, "BETWEEN");
        return new Between(value, low, high, negated);
    }

    private Condition in(Identifier identifier, boolean negated) {
        expect(TokenType.LEFT_PAREN, "expected '(' after IN");
        Set<String> values = new LinkedHashSet<>();
        do {
            values.add(stringLiteral("expected a string literal in the IN list"));
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "expected ',' or ')' in the IN list");
        return new In(identifier, values, negated);
    }

    private Condition like(Identifier identifier, boolean negated) {
        int patternStart = peek().start();
        String pattern = stringLiteral("expected a string literal pattern after LIKE");
        int escape = LikePattern.NO_ESCAPE;
        if (accept(TokenType.ESCAPE)) {
            int escapeStart = peek().start();
            String text = stringLiteral("expected a string literal after ESCAPE");
            if (text.isEmpty() || text.codePointCount(0, text.length()) != 1) {
                throw new SelectorSyntaxException(escapeStart, "the ESCAPE string must be exactly one character");
            }
            escape = text.codePointAt(0);
        }
        try {
            return new Like(identifier, LikePattern.compile(pattern, escape), negated);
        } catch (IllegalArgumentException e) {
            throw new SelectorSyntaxException(patternStart, e.getMessage());
        }
    }

    private Condition isNull(Expression left, int start) {
        Identifier identifier = TypeRules.identifier(left, start, "IS NULL", false);
        next();
        boolean negated = accept(TokenType.NOT);
        expect(TokenType.NULL, negated ? "expected NULL after IS NOT" : "expected NULL or NOT NULL after IS");
        return new IsNull(identifier, negated);
    }

    private Expression additive() {
        Expression left = multiplicative();
        int levels = 0;
        while (peek().type() == TokenType.PLUS || peek().type() == TokenType.MINUS) {
            Token operator = next();
            enter(operator.start());
            levels++;
            Expression right = multiplicative();
            left = arithmetic(operator, left, right);
        }
        depth -= levels;
        return left;
    }

    private Expression multiplicative() {
        Expression left = unary();
        int levels = 0;
        while (peek().type() == TokenType.TIMES || peek().type() == TokenType.DIVIDE) {
            Token operator = next();
            enter(operator.start());
            levels++;
            Expression right = unary();
            left = arithmetic(operator, left, right);
        }
        depth -= levels;
        return left;
    }

    private Expression arithmetic(Token operatorToken, Expression left, Expression right) {
        ArithmeticOperator operator = switch (operatorToken.type()) {
            case PLUS -> ArithmeticOperator.PLUS;
            case MINUS -> ArithmeticOperator.MINUS;
            case TIMES -> ArithmeticOperator.TIMES;
            default -> ArithmeticOperator.DIVIDE;
        };
        String name = "'" + operator.symbol() + "'";
        TypeRules.numeric(left, operatorToken.start(), name);
        TypeRules.numeric(right, operatorToken.start(), name);
        return new Arithmetic(operator, left, right);
    }

    private Expression unary() {
        TokenType type = peek().type();
        if (type != TokenType.PLUS && type != TokenType.MINUS) {
            return primary();
        }
        Token sign = next();
        boolean negative = type == TokenType.MINUS;
        if (negative && peek().type() == TokenType.EXACT_TWO_TO_THE_63) {
            next();
            return new Literal(Long.MIN_VALUE);
        }
        enter(sign.start());
        Expression operand = TypeRules.numeric(unary(), sign.start(), "unary '" + (negative ? '-' : '+') + "'");
        leave();
        if (operand instanceof Literal literal) {
            return negative ? new Literal(negate(literal.value())) : literal;
        }
        return new UnaryArithmetic(negative, operand);
    }

    private static Object negate(Object number) {
        if (number instanceof Long value) {
            return -value;
        }
        return -(Double) number;
    }

    private Expression primary() {
        Token token = peek();
        switch (token.type()) {
            case STRING, EXACT, APPROXIMATE -> {
                next();
                return new Literal(token.value());
            }
            case TRUE, FALSE -> {
                next();
                return new Literal(token.type() == TokenType.TRUE);
            }
            case IDENTIFIER -> {
                next();
                Identifier identifier = IdentifierRules.identifier((String) token.value(), token.start());
                identifiers.add(identifier.name());
                return identifier;
            }
            case LEFT_PAREN -> {
                return parenthesized();
            }
            case EXACT_TWO_TO_THE_63 -> throw new SelectorSyntaxException(token.start(),
                    "numeric literal 9223372036854775808 is out of range (it is allowed only after a unary minus)");
            case NULL -> throw new SelectorSyntaxException(token.start(), "NULL can only be used in IS [NOT] NULL");
            default -> throw unexpected("expected an expression");
        }
    }

    private Expression parenthesized() {
        enter(next().start());
        Expression inner = orExpression();
        expect(TokenType.RIGHT_PAREN, "expected ')'");
        leave();
        return inner;
    }

    private String stringLiteral(String expectation) {
        if (peek().type() != TokenType.STRING) {
            throw unexpected(expectation);
        }
        return (String) next().value();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.END) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenType type) {
        if (peek().type() != type) {
            return false;
        }
        next();
        return true;
    }

    private void expect(TokenType type, String expectation) {
        if (!accept(type)) {
            throw unexpected(expectation);
        }
    }

    private void enter(int position) {
        depth++;
        if (depth > Selector.MAX_DEPTH) {
            throw new SelectorSyntaxException(position,
                    "the selector is nested more than " + Selector.MAX_DEPTH + " levels deep");
        }
    }

    private void leave() {
        depth--;
    }

    /** "expected X" at the current token, naming the token unless it is the end of the text. */
    private SelectorSyntaxException unexpected(String expectation) {
        Token token = peek();
        String found = token.type() == TokenType.END ? "" : ", found " + token.describe(source);
        return new SelectorSyntaxException(token.start(), expectation + found);
    }
}

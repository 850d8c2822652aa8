package dev.postbox.jms.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The conversion tables of Jakarta Messaging 3.1 written out as data, for the parameterized tests: table
 * 3-2 (properties) and table 3-7 (map and stream bodies). A sample value per row type and the value each
 * allowed read must return.
 */
final class ConversionTable {

    static final List<String> PROPERTY_TYPES =
            List.of("boolean", "byte", "short", "int", "long", "float", "double", "String");

    static final List<String> BODY_TYPES =
            List.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "String", "byte[]");

    /** Row type → the column types it may be read as (tables 3-2 and 3-7 agree where they overlap). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "char", Set.of("char", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String"),
            "byte[]", Set.of("byte[]"));

    private ConversionTable() {
    }

    /** A value of the row type. Strings are "12" so every numeric parse succeeds. */
    static Object sample(String type) {
        return switch (type) {
            case "boolean" -> Boolean.TRUE;
            case "byte" -> (byte) 7;
            case "short" -> (short) 300;
            case "char" -> 'x';
            case "int" -> 70_000;
            case "long" -> 5_000_000_000L;
            case "float" -> 1.5f;
            case "double" -> 2.25d;
            case "String" -> "12";
            case "byte[]" -> new byte[] {1, 2, 3};
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** True when the table marks the cell. */
    static boolean allowed(String row, String column) {
        return ALLOWED.get(row).contains(column);
    }

    /** What reading the sample of {@code row} as {@code column} must return, boxed. */
    static Object expected(String row, String column) {
        Object value = sample(row);
        if (column.equals("String")) {
            return value.toString();
        }
        if (column.equals("byte[]")) {
            return value;
        }
        if (value instanceof String s) {
            return parse(s, column);
        }
        if (value instanceof Number n) {
            return switch (column) {
                case "byte" -> n.byteValue();
                case "short" -> n.shortValue();
                case "int" -> n.intValue();
                case "long" -> n.longValue();
                case "float" -> n.floatValue();
                case "double" -> n.doubleValue();
                default -> throw new IllegalArgumentException(column);
            };
        }
        return value;
    }

    /** Every (row, column, allowed) cell for the given type lists. */
    static List<Arguments> cells(List<String> types) {
        List<Arguments> cells = new ArrayList<>();
        for (String row : types) {
            for (String column : types) {
                cells.add(Arguments.of(row, column, allowed(row, column)));
            }
        }
        return cells;
    }

    /** Compares read results, byte[] by content. */
    static boolean same(Object expected, Object actual) {
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            return Arrays.equals(e, a);
        }
        return expected.equals(actual);
    }

    private static Object parse(String s, String column) {
        return switch (column) {
            case "boolean" -> Boolean.valueOf(s);
            case "byte" -> Byte.valueOf(s);
            case "short" -> Short.valueOf(s);
            case "int" -> Integer.valueOf(s);
            case "long" -> Long.valueOf(s);
            case "float" -> Float.valueOf(s);
            case "double" -> Double.valueOf(s);
            default -> throw new IllegalArgumentException(column);
        };
    }
}

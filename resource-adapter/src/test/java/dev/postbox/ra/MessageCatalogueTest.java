package dev.postbox.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The adapter's message IDs ({@code PBX-2xxx}, house style rule 30): an ID means one thing, so every
 * string literal that starts with an ID carries the same text wherever it appears in the sources.
 */
@Timeout(30)
class MessageCatalogueTest {

    /** A Java string literal that starts with an adapter message ID. */
    private static final Pattern LITERAL = Pattern.compile("\"(PBX-2\\d{3}) ((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyMessageIdHasOneTextAcrossTheSources() throws IOException {
        Map<String, Set<String>> textsById = new TreeMap<>();
        Map<String, Set<String>> filesById = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    textsById.computeIfAbsent(literal.group(1), id -> new TreeSet<>()).add(literal.group(2));
                    filesById.computeIfAbsent(literal.group(1), id -> new TreeSet<>())
                            .add(source.getFileName().toString());
                }
            }
        }
        assertTrue(textsById.size() > 25, "the scan finds the adapter's messages: " + textsById.keySet());
        List<String> reused = new ArrayList<>();
        textsById.forEach((id, texts) -> {
            if (texts.size() > 1) {
                reused.add(id + " in " + filesById.get(id) + ": " + texts);
            }
        });
        assertTrue(reused.isEmpty(), "message IDs with more than one text: " + reused);
    }

    @Test
    void everyCatalogueConstantHasItsOwnAdapterId() throws IllegalAccessException {
        Map<String, String> constantById = new TreeMap<>();
        for (Field field : RaMessages.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String text = (String) field.get(null);
                assertTrue(text.matches("PBX-2\\d{3} .+"), field.getName() + " has no PBX-2xxx ID: " + text);
                String previous = constantById.put(text.substring(0, 8), field.getName());
                assertEquals(null, previous, text.substring(0, 8) + " used by " + previous + " and " + field.getName());
            }
        }
    }
}

package dev.postbox.jms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every property of the Java SE connection factory is documented in the README's configuration table. */
class PropertyDocumentationTest {

    @Test
    void everyConnectionFactoryPropertyIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> undocumented = new ArrayList<>();
        for (Method method : PostboxConnectionFactory.class.getMethods()) {
            String name = method.getName();
            if (name.startsWith("set") && method.getParameterCount() == 1
                    && method.getDeclaringClass() == PostboxConnectionFactory.class) {
                String property = name.equals("setClientID") ? "clientID"
                        : Character.toLowerCase(name.charAt(3)) + name.substring(4);
                if (!readme.contains("`" + property + "`")) {
                    undocumented.add(property);
                }
            }
        }
        assertTrue(undocumented.isEmpty(), "connection factory properties missing from README.md: " + undocumented);
    }
}

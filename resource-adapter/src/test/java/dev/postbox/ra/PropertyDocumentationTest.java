package dev.postbox.ra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every property in ra.xml is documented in the README's configuration table. */
class PropertyDocumentationTest {

    @Test
    void everyDeploymentDescriptorPropertyIsInTheReadmeTable() throws Exception {
        String raXml = Files.readString(Path.of("src/main/rar/META-INF/ra.xml"));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher names = Pattern.compile("<config-property-name>([^<]+)</config-property-name>").matcher(raXml);
        List<String> undocumented = new ArrayList<>();
        int count = 0;
        while (names.find()) {
            count++;
            String name = names.group(1);
            if (!readme.contains("`" + name + "`")) {
                undocumented.add(name);
            }
        }
        assertTrue(count > 20, "ra.xml lists its properties");
        assertTrue(undocumented.isEmpty(), "properties missing from README.md: " + undocumented);
    }

    @Test
    void everyAdapterBeanPropertyIsDeclaredInTheDeploymentDescriptor() throws Exception {
        String raXml = Files.readString(Path.of("src/main/rar/META-INF/ra.xml"));
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(PostboxResourceAdapter.class,
                dev.postbox.ra.outbound.PostboxManagedConnectionFactory.class,
                dev.postbox.ra.inbound.PostboxActivationSpec.class)) {
            for (var method : type.getMethods()) {
                String name = method.getName();
                if (name.startsWith("set") && method.getParameterCount() == 1 && method.getDeclaringClass() == type
                        && !name.equals("setResourceAdapter") && !name.equals("setLogWriter")) {
                    String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                    if (!raXml.contains("<config-property-name>" + property + "</config-property-name>")) {
                        missing.add(type.getSimpleName() + "." + property);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "bean properties not declared in ra.xml: " + missing);
    }
}

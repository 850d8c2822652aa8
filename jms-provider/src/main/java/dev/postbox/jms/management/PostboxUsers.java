package dev.postbox.jms.management;

import dev.postbox.jms.PostboxConnectionFactory;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Command line user administration for Java SE deployments (in a server, use the admin application):
 *
 * <pre>
 * java -cp postbox-jms-provider.jar:&lt;jdbc driver&gt; dev.postbox.jms.management.PostboxUsers &lt;jdbc-url&gt; list
 * java -cp ... dev.postbox.jms.management.PostboxUsers &lt;jdbc-url&gt; set &lt;name&gt;     (password from the console or stdin)
 * java -cp ... dev.postbox.jms.management.PostboxUsers &lt;jdbc-url&gt; delete &lt;name&gt;
 * </pre>
 */
public final class PostboxUsers {

    private PostboxUsers() {
    }

    /** Runs one command; exits with 0 on success, 1 on a failed operation, 2 on a usage error. */
    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err, PostboxUsers::readPassword));
    }

    /** Reads a password for a user. */
    @FunctionalInterface
    interface PasswordSource {
        String read(String user) throws IOException;
    }

    static int run(String[] args, PrintStream out, PrintStream err, PasswordSource passwords) throws IOException {
        if (args.length < 2 || !validArity(args)) {
            err.println("Usage: PostboxUsers <jdbc-url> list | set <name> | delete <name>");
            return 2;
        }
        PostboxConnectionFactory factory = new PostboxConnectionFactory(args[0]);
        factory.setShutdownDelayMillis(0);
        UserManagement users = factory.userManagement();
        try {
            switch (args[1]) {
                case "list" -> users.listUsers().forEach(out::println);
                case "set" -> {
                    users.putUser(args[2], passwords.read(args[2]));
                    out.println("User " + args[2] + " stored");
                }
                default -> {
                    if (!users.deleteUser(args[2])) {
                        err.println("No user " + args[2]);
                        return 1;
                    }
                    out.println("User " + args[2] + " deleted");
                }
            }
            return 0;
        } catch (ManagementException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static boolean validArity(String[] args) {
        return switch (args[1]) {
            case "list" -> args.length == 2;
            case "set", "delete" -> args.length == 3;
            default -> false;
        };
    }

    private static String readPassword(String user) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] password = console.readPassword("Password for %s: ", user);
            return password == null ? null : new String(password);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}

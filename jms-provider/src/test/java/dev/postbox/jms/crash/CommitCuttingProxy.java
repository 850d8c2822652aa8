package dev.postbox.jms.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy in front of the local PostgreSQL that can make one auto-commit statement's outcome
 * unknown to the client, or make it fail: once armed with a statement fragment, the first statement containing
 * it is forwarded to the server (which commits it) while the client's socket is closed before the answer
 * reaches it, the way a server that commits and then terminates the session looks to a client (seen during
 * {@code pg_ctlcluster restart}); or it is dropped and both sides are closed. Postbox runs sends, claims and
 * acknowledgements outside transacted sessions as auto-commit statements. Needs {@code prepareThreshold=0} on
 * the JDBC URL so that statement text is sent every time.
 */
final class CommitCuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final AtomicReference<String> armed = new AtomicReference<>();
    private volatile boolean dropStatement;
    private final CountDownLatch cut = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    CommitCuttingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Cuts the client off once the next statement containing the fragment, run in auto-commit mode (it is
     * its own commit), has reached the server: the server commits it, the client never hears so.
     */
    void armCutAfterAutoCommitOf(String statementFragment) {
        dropStatement = false;
        armed.set(statementFragment.toLowerCase(Locale.ROOT));
    }

    /**
     * Drops the next statement containing the fragment, run in auto-commit mode, and closes both sides: the
     * server never sees it, the client sees a failure.
     */
    void armDropAutoCommitOf(String statementFragment) {
        dropStatement = true;
        armed.set(statementFragment.toLowerCase(Locale.ROOT));
    }

    /** Waits until a statement was cut or dropped. */
    boolean awaitCut(long timeout, TimeUnit unit) throws InterruptedException {
        return cut.await(timeout, unit);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                new Link(client, server).start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("proxy: " + e);
                }
            }
        }
    }

    /** One proxied JDBC connection. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private volatile boolean ranWatchedStatement;
        private volatile boolean clientCut;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            thread("c2s", this::clientToServer);
            thread("s2c", this::serverToClient);
        }

        private void thread(String name, Runnable body) {
            Thread thread = new Thread(body, "proxy-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        private void clientToServer() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    String text = new String(buffer, 0, read, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    String fragment = armed.get();
                    if (fragment != null && text.contains(fragment)) {
                        ranWatchedStatement = true;
                    }
                    if (ranWatchedStatement && dropStatement && fragment != null
                            && armed.compareAndSet(fragment, null)) {
                        cut.countDown();
                        return; // finally closes both sides: the statement never reaches the server
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                    if (ranWatchedStatement && fragment != null
                            && armed.compareAndSet(fragment, null)) {
                        // the statement and its Sync went out together: the server commits it
                        clientCut = true;
                        client.close();
                        cut.countDown();
                        return;
                    }
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                if (clientCut) {
                    closeLater(server);
                } else {
                    closeQuietly(server);
                    closeQuietly(client);
                }
            }
        }

        private void serverToClient() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (clientCut) {
                        continue; // the COMMIT's answer is swallowed
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                if (!clientCut) {
                    closeQuietly(client);
                    closeQuietly(server);
                }
            }
        }

        /** Leaves the server connection open long enough to process the COMMIT it has already received. */
        private void closeLater(Socket socket) {
            thread("close", () -> {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                closeQuietly(socket);
            });
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // ignore
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // ignore
        }
        sockets.forEach(CommitCuttingProxy::closeQuietly);
    }
}

package org.parley.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.parley.stack.supervision.PartSupervisor;

/**
 * A small HTTP API on 127.0.0.1 that lets tests stop and start the Kafka broker and PostgreSQL while the stack
 * runs: {@code POST /kafka/stop}, {@code POST /kafka/start}, {@code POST /postgres/stop}, {@code POST
 * /postgres/start}, {@code GET /health}, and {@code POST /watch?pid=N} for a Maven run that reuses the stack.
 */
final class ControlServer {

    /**
     * A part that tests may stop and start: stopped through here, it stays down (supervision does not restart it)
     * until started through here again.
     */
    record Outage(PartSupervisor supervision, PartSupervisor.Action stop, PartSupervisor.Action start) {
        void begin() throws Exception {
            supervision.stopOnPurpose(stop);
        }

        void end() throws Exception {
            supervision.startOnPurpose(start);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "control-http");
        thread.setDaemon(true);
        return thread;
    });

    ControlServer(int port, Outage kafka, Outage postgres, Supplier<String> health, LongPredicate join)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(executor);
        server.createContext("/health", exchange -> {
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "GET only\n");
                return;
            }
            respond(exchange, 200, health.get());
        });
        // A Maven run that reuses the stack asks it to stay up until that run, too, has ended.
        server.createContext("/watch", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            if (!exchange.getRequestMethod().equals("POST") || query == null || !query.matches("pid=\\d+")) {
                respond(exchange, 400, "POST /watch?pid=N\n");
                return;
            }
            boolean joined = join.test(Long.parseLong(query.substring("pid=".length())));
            respond(exchange, joined ? 200 : 409, joined ? "watching\n" : "stopping\n");
        });
        // Kafka is stopped and started one request at a time: the broker methods are synchronized.
        server.createContext("/kafka/stop", exchange -> post(exchange, kafka::begin, "kafka stopped\n"));
        server.createContext("/kafka/start", exchange -> post(exchange, kafka::end, "kafka started\n"));
        // A database outage for the tests of consumers that must outlive one; the data is kept.
        server.createContext("/postgres/stop", exchange -> post(exchange, postgres::begin, "postgres stopped\n"));
        server.createContext("/postgres/start", exchange -> post(exchange, postgres::end, "postgres started\n"));
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void post(HttpExchange exchange, PartSupervisor.Action action, String done) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, "POST only\n");
            return;
        }
        try {
            long start = System.nanoTime();
            action.run();
            System.out.println(exchange.getRequestURI().getPath() + " done in " + Readiness.seconds(start));
            respond(exchange, 200, done);
        } catch (Exception e) {
            respond(exchange, 500, e + "\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

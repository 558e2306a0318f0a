package com.ordertracking.local.runtime;

import com.ordertracking.local.cloud.LocalCloudException;
import com.ordertracking.local.cloud.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/target/order-tracking-local.jar [--port 3000] [--data-dir DIR] [--demo]
 * [--template FILE]}: starts the whole system and prints how to use it.
 */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar local/target/order-tracking-local.jar [options]
              --port N          HTTP port (default 3000; 0 picks a free one)
              --data-dir DIR    keep DynamoDB data in DIR between runs (default: in memory)
              --demo            play a scripted day in the life once the system is up
              --template FILE   SAM template to serve (default: ./template.yaml, else the bundled copy)
              --help            this text""";

    private Main() {
    }

    record Arguments(int port, Path dataDir, boolean demo, Path template) {
    }

    public static void main(String[] args) {
        quietLibraryLogs();
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = LocalRuntime.start(new LocalRuntime.Options(arguments.template(), arguments.port(), arguments.dataDir()));
        } catch (LocalCloudException | TemplateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping...");
            runtime.close();
            stopped.countDown();
        }, "shutdown"));
        printBanner(runtime);
        if (arguments.demo()) {
            new Demo(runtime.baseUri(), System.out).run();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Arguments parse(String[] args) {
        int port = 3000;
        Path dataDir = null;
        boolean demo = false;
        Path template = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--template" -> template = Path.of(value(args, ++i, "--template"));
                case "--demo" -> demo = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Arguments(port, dataDir, demo, template != null ? template : defaultTemplate());
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + text);
        }
    }

    /** ./template.yaml when run from the repository, else the copy bundled in the jar at build time. */
    private static Path defaultTemplate() {
        Path local = Path.of("template.yaml");
        if (Files.isRegularFile(local)) {
            return local;
        }
        try (InputStream bundled = Main.class.getResourceAsStream("/bundled/template.yaml")) {
            if (bundled == null) {
                throw new IllegalArgumentException("no template.yaml here and none bundled; pass --template FILE");
            }
            Path copy = Files.createTempFile("order-tracking-template", ".yaml");
            copy.toFile().deleteOnExit();
            Files.copy(bundled, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the bundled template: " + e.getMessage());
        }
    }

    /** Our invocation lines stay; the embedded services' chatter goes. */
    private static void quietLibraryLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.ordertracking", "info");
        System.setProperty("org.slf4j.simpleLogger.log.lambda", "info");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s - %5$s%6$s%n");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
    }

    private static void printBanner(LocalRuntime runtime) {
        String base = runtime.baseUri().toString().replaceAll("/$", "");
        System.out.printf("""

                Order tracking is ready on %1$s  (%2$d functions from template.yaml)
                  DynamoDB %3$s · SQS %4$s · SNS %5$s

                  Get a seller token:
                    TOKEN=$(curl -s -X POST %1$s/_local/tokens -d '{"role":"seller","sub":"seller-1"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
                  Create an order:
                    curl -s -X POST %1$s/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"buyer":{"id":"buyer-1","name":"Ana Souza","email":"ana@example.com","phone":"+14155550123"},"currency":"USD","items":[{"sku":"MUG-01","name":"Ceramic mug","quantity":2,"unitPrice":"12.50"}],"shippingAddress":{"name":"Ana Souza","line1":"500 Market St","city":"San Francisco","region":"CA","postalCode":"94105","country":"US"}}'
                  SMS and email SNS would have sent:  curl -s %1$s/_local/outbox
                  Health:                             curl -s %1$s/_local/health

                Press Ctrl-C to stop.
                """, base, runtime.functions().size(), runtime.cloud().endpoints().dynamoDb(),
                runtime.cloud().endpoints().sqs(), runtime.cloud().endpoints().sns());
    }
}

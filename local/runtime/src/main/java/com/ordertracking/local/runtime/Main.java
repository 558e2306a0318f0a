package com.ordertracking.local.runtime;

import com.ordertracking.local.cloud.LocalCloudException;
import com.ordertracking.local.cloud.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.net.URI;
import java.time.Duration;
import com.ordertracking.local.cloud.LocalCloud;

/**
 * {@code java -jar local/target/order-tracking-local.jar [--port 3000] [--data-dir DIR] [--demo]
 * [--verbose] [--template FILE]}: starts the whole system and prints one banner saying how to use it.
 * The embedded services' start-up chatter and JDK warnings are held back unless {@code --verbose}
 * (and shown if start-up fails); afterwards one line per function invocation.
 */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar local/target/order-tracking-local.jar [options]
              --port N          HTTP port (default 3000; 0 picks a free one)
              --data-dir DIR    keep DynamoDB data in DIR between runs (default: in memory)
              --demo            play a scripted day in the life once the system is up
              --verbose         also show the embedded services' logs and every function log line
              --template FILE   SAM template to serve (default: ./template.yaml, else the bundled copy)
              --help            this text
            Each of DynamoDB, SQS and SNS is embedded unless AWS_ENDPOINT_URL_<SERVICE> (or AWS_ENDPOINT_URL)
            names an external endpoint.""";
    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    private Main() {
    }

    record Arguments(int port, Path dataDir, boolean demo, boolean verbose, Path template) {
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ConsoleLevels.apply(arguments.verbose(), arguments.demo());
        LocalRuntime runtime;
        StartupOutput startup = arguments.verbose() ? StartupOutput.passThrough() : StartupOutput.holdBack();
        try {
            runtime = LocalRuntime.start(new LocalRuntime.Options(arguments.template(), arguments.port(), arguments.dataDir()));
        } catch (LocalCloudException | TemplateException e) {
            startup.release(true);
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            startup.release(true);
            throw e;
        }
        startup.release(false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping...");
            runtime.close();
            stopped.countDown();
        }, "shutdown"));
        String token = runtime.authorizer().mint("seller", "seller-1", TOKEN_TTL);
        System.out.print(banner(runtime, token));
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
        boolean verbose = false;
        Path template = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--template" -> template = Path.of(value(args, ++i, "--template"));
                case "--demo" -> demo = true;
                case "--verbose", "-v" -> verbose = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Arguments(port, dataDir, demo, verbose, template != null ? template : defaultTemplate());
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

    /** The one banner: where it runs, what is embedded, a ready token and a command to paste. */
    static String banner(LocalRuntime runtime, String token) {
        String base = runtime.baseUri().toString();
        LocalCloud.Endpoints endpoints = runtime.cloud().endpoints();
        String services = endpoints.embedded() ? "DynamoDB, SQS and SNS embedded"
                : String.join(" · ", service("DynamoDB", endpoints.dynamoDb(), endpoints.dynamoDbEmbedded()),
                        service("SQS", endpoints.sqs(), endpoints.sqsEmbedded()),
                        service("SNS", endpoints.sns(), endpoints.snsEmbedded()));
        return """

                Order tracking is running at %1$s  (%2$d functions from template.yaml; %3$s)

                  A seller token (seller-1, valid 12 hours) and a first request to paste:
                    TOKEN=%4$s
                    curl -s %1$s/orders -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"buyer":{"id":"buyer-1","name":"Ana Souza","email":"ana@example.com","phone":"+14155550123"},"currency":"USD","items":[{"sku":"MUG-01","name":"Ceramic mug","quantity":2,"unitPrice":"12.50"}],"shippingAddress":{"name":"Ana Souza","line1":"500 Market St","city":"San Francisco","region":"CA","postalCode":"94105","country":"US"}}'

                  The whole story step by step: README.md, "Try it".  Ctrl-C stops; --verbose shows all logs.

                """.formatted(base, runtime.functions().size(), services, token);
    }

    private static String service(String name, URI endpoint, boolean embedded) {
        return name + (embedded ? " embedded" : " at " + endpoint);
    }
}

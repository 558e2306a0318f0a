package com.ordertracking.local.runtime;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.ordertracking.local.runtime.invoke.LocalLambdaLogger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the console shows. By default: one line per function invocation ({@code lambda} logger) and
 * functions' warnings and errors; the embedded services (DynamoDB Local, ElasticMQ/Pekko, sqlite, our
 * SNS endpoint and provisioner) only when something is wrong. {@code --demo}: the story only (plus
 * failures). {@code --verbose}: everything.
 */
final class ConsoleLevels {
    /** Kept strongly reachable: java.util.logging holds loggers weakly, which would drop the level. */
    private static final Logger SQLITE = Logger.getLogger("com.almworks.sqlite4java");

    private ConsoleLevels() {
    }

    static void apply(boolean verbose, boolean demo) {
        String ours = verbose ? "debug" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.ordertracking", ours);
        System.setProperty("org.slf4j.simpleLogger.log.lambda", verbose || !demo ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.elasticmq", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pekko", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s - %5$s%6$s%n");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.eclipse.jetty.LEVEL", verbose ? "INFO" : "WARN");
        SQLITE.setLevel(verbose ? Level.INFO : Level.SEVERE);
        LocalLambdaLogger.consoleThreshold(verbose ? LogLevel.TRACE : demo ? LogLevel.ERROR : LogLevel.WARN);
    }
}

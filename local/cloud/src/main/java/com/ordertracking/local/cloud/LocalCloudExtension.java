package com.ordertracking.local.cloud;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link LocalCloud} per test JVM, provisioned from the repository's template.yaml, and
 * injects it into test constructors and methods. It is closed when the JVM's tests are done.
 * Tests share it, so each test uses its own ids (sellers, buyers, tracking numbers).
 */
public final class LocalCloudExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalCloudExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cloud(context);
    }

    /** The JVM-wide stack, started on first use. */
    public static LocalCloud cloud(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalCloud.class,
                key -> LocalCloud.start(LocalCloud.Options.fromEnvironment(LocalCloud.findTemplate())),
                LocalCloud.class);
    }
}

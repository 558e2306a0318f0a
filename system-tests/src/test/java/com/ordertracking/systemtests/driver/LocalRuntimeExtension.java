package com.ordertracking.systemtests.driver;

import com.ordertracking.local.cloud.LocalCloud;
import com.ordertracking.local.runtime.LocalRuntime;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local runtime per test JVM, serving the repository's template.yaml on a free port, injected as
 * {@link LocalRuntime} or as an {@link HttpApi} pointed at it. Tests use their own ids.
 */
public final class LocalRuntimeExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalRuntimeExtension.class);

    /**
     * Template parameter overrides for the tests: seller webhook retries after 1 s instead of the production
     * schedule (5 s, 5 min, 30 min, ...), so a receiver that fails twice recovers within a test.
     */
    static final Map<String, String> PARAMETERS = Map.of("WebhookRetryScheduleSeconds", "1,1,1");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalRuntime.class || type == HttpApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalRuntime runtime = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalRuntime.class,
                key -> LocalRuntime.start(new LocalRuntime.Options(LocalCloud.findTemplate(), 0, null, System.getenv(), PARAMETERS)),
                LocalRuntime.class);
        return parameter.getParameter().getType() == LocalRuntime.class ? runtime : new HttpApi(runtime.baseUri());
    }
}

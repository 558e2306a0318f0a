package com.ordertracking.local.runtime.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ordertracking.shared.wiring.FunctionEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployed function: resolves the handler class and method up front (fail fast on a bad template), then keeps
 * warm handler instances. Like Lambda, an instance serves one invocation at a time and is reused afterwards; only
 * when invocations overlap is another instance constructed (Lambda's scale-out), so handlers with per-invocation
 * fields stay safe. A timed-out instance is discarded, as Lambda discards the execution environment. Invocations of
 * all functions of a runtime share {@link ExecutionSlots}: one waits for a slot before its timeout clock starts.
 *
 * <p>Constructors run inside {@link FunctionEnvironment#with} so handlers see their own environment variables; so do
 * invocations (handlers may read configuration lazily).
 */
public final class FunctionInstance implements HandlerInvoker {

    private static final Logger LOG = LoggerFactory.getLogger("lambda");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * Function code runs on platform threads, not virtual ones: handlers do first-use class initialisation and
     * blocking calls inside it (SDK clients, Jackson), which pins a virtual thread to its carrier; with as many
     * carriers as cores, concurrent cold invocations must not be able to pin them all, or every virtual thread in
     * the runtime (HTTP API, SNS endpoint, pollers) would wait. Pooled, so a busy runtime does not create a
     * thread per invocation.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("fn-worker-", 0).factory());

    private final FunctionConfig config;
    private final Class<?> handlerClass;
    private final Dispatch dispatch;
    private final JavaType inputType;
    private final Map<String, String> environment;
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instancesCreated = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();
    private final ExecutionSlots slots;

    /** How the handler is called, decided once from the handler string and class. */
    private sealed interface Dispatch {
        record Typed() implements Dispatch { }
        record Stream() implements Dispatch { }
        record Reflective(Method method) implements Dispatch { }
    }

    public FunctionInstance(FunctionConfig config) {
        this(config, ExecutionSlots.unbounded());
    }

    /** {@code slots}: shared by every function of one runtime (see {@link ExecutionSlots}). */
    public FunctionInstance(FunctionConfig config, ExecutionSlots slots) {
        this(config, Thread.currentThread().getContextClassLoader(), slots);
    }

    public FunctionInstance(FunctionConfig config, ClassLoader classLoader, ExecutionSlots slots) {
        this.config = config;
        this.slots = slots;
        LocalLambdaLogger.installAsRuntimeLogger();
        String[] parts = config.handler().split("::", 2);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        try {
            this.handlerClass = Class.forName(parts[0], false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(config.name() + ": handler class not found: " + parts[0], e);
        }
        // Typed first, unlike Lambda: our handlers are both RequestHandler and RequestStreamHandler (EventStreamHandler),
        // and in one JVM the typed call skips a JSON round trip per invocation. AWS runs their stream method, whose
        // event mapping LambdaEventJsonTest checks against Lambda's own serializer (docs/operations.md "Cold start").
        if (methodName.equals("handleRequest") && RequestHandler.class.isAssignableFrom(handlerClass)) {
            this.dispatch = new Dispatch.Typed();
            this.inputType = JSON.getTypeFactory().constructType(requestHandlerInputType(handlerClass));
        } else if (methodName.equals("handleRequest") && RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            this.dispatch = new Dispatch.Stream();
            this.inputType = JSON.getTypeFactory().constructType(Object.class);
        } else {
            Method method = findHandlerMethod(handlerClass, methodName);
            this.dispatch = new Dispatch.Reflective(method);
            this.inputType = method.getParameterCount() == 0 ? JSON.getTypeFactory().constructType(Object.class)
                    : JSON.getTypeFactory().constructType(method.getGenericParameterTypes()[0]);
        }
        Map<String, String> env = new LinkedHashMap<>(config.environment());
        // Reserved variables Lambda always sets; functions may rely on them (e.g. the SDK's region lookup).
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_REGION", config.region());
        env.put("AWS_DEFAULT_REGION", config.region());
        this.environment = Map.copyOf(env);
    }

    public FunctionConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    /** The event type the handler expects (from {@code RequestHandler<I,O>} or the method's first parameter). */
    public JavaType inputType() {
        return inputType;
    }

    /** Number of handler objects constructed so far (1 after the first invocation, the cold start, unless invocations overlapped). */
    public int instancesCreated() {
        return instancesCreated.get();
    }

    /** Invocations that hit the function timeout so far (each one's handler instance was discarded). */
    public int timeouts() {
        return timeouts.get();
    }

    @Override
    public Object invoke(Object event, String trigger) {
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            Object output = invokeWithTimeout(event, requestId);
            LOG.info("{} trigger={} {} ms {}", config.name(), trigger, millisSince(start), describe(output));
            return output;
        } catch (FunctionInvocationException e) {
            LOG.warn("{} trigger={} {} ms ERROR: {}", config.name(), trigger, millisSince(start), e.getMessage(),
                    e.timedOut() ? null : e.getCause());
            throw e;
        }
    }

    private Object invokeWithTimeout(Object event, String requestId) {
        Object input = coerce(event);
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionInvocationException(config.name(), "Interrupted", "invocation interrupted", e, false);
        }
        LocalContext context = LocalContext.create(config, requestId);
        CompletableFuture<Object> constructed = new CompletableFuture<>();
        CompletableFuture<Object> result = new CompletableFuture<>();
        Future<?> worker;
        try {
            // A separate thread lets us give up after the timeout like Lambda does, without killing the caller. The
            // handler is built there too: a cold constructor's class initialisation stays off the caller's virtual
            // thread. The slot is released when the worker really ends, so a timed-out invocation still finishing
            // counts against the bound.
            worker = WORKERS.submit(() -> {
                Thread.currentThread().setName("fn-" + config.name() + "-" + requestId);
                try {
                    Object handler = acquire();
                    constructed.complete(handler);
                    result.complete(FunctionEnvironment.with(environment, () ->
                            ((LocalLambdaLogger) context.logger()).activeDuring(() -> call(handler, input, context))));
                } catch (Throwable t) {
                    constructed.completeExceptionally(t);
                    result.completeExceptionally(t);
                } finally {
                    Thread.interrupted(); // a timed-out run's interrupt must not leak into the pooled thread's next task
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        Object handler = awaitInit(constructed, worker);
        try {
            // The timeout covers the handler call only: on Lambda, init has its own budget.
            Object output = result.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            idle.offerFirst(handler);
            return output;
        } catch (TimeoutException e) {
            timeouts.incrementAndGet();
            // Interrupting it is the closest we get to Lambda stopping the environment: the SDK gives up at its next
            // step (a request already on the wire still completes, as it would against AWS). The instance is not
            // reused (its state is unknown), and its pooled thread takes no other work until the old call returns.
            worker.cancel(true);
            throw new FunctionInvocationException(config.name(), "Sandbox.Timedout",
                    "Task timed out after %.2f seconds".formatted(config.timeout().toMillis() / 1000.0), null, true);
        } catch (ExecutionException e) {
            idle.offerFirst(handler); // Lambda keeps the environment after a handled error
            Throwable cause = unwrap(e.getCause());
            throw new FunctionInvocationException(config.name(), cause.getClass().getName(),
                    String.valueOf(cause.getMessage()), cause, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.cancel(true);
            throw new FunctionInvocationException(config.name(), "Interrupted", "invocation interrupted", e, false);
        }
    }

    /** Waits for the handler instance (warm: at once; cold: its constructor); init errors surface as they are. */
    private Object awaitInit(CompletableFuture<Object> constructed, Future<?> worker) {
        try {
            return constructed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FunctionInvocationException init) {
                throw init;
            }
            Throwable cause = unwrap(e.getCause());
            throw new FunctionInvocationException(config.name(), "Runtime.InitError",
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.cancel(true);
            throw new FunctionInvocationException(config.name(), "Interrupted", "invocation interrupted", e, false);
        }
    }

    @SuppressWarnings("unchecked")
    private Object call(Object handler, Object input, Context context) {
        try {
            return switch (dispatch) {
                case Dispatch.Typed t -> ((RequestHandler<Object, Object>) handler).handleRequest(input, context);
                case Dispatch.Stream s -> {
                    var out = new ByteArrayOutputStream();
                    ((RequestStreamHandler) handler).handleRequest(
                            new ByteArrayInputStream(JSON.writeValueAsBytes(input)), out, context);
                    yield out.size() == 0 ? null : JSON.readValue(out.toByteArray(), Object.class);
                }
                case Dispatch.Reflective r -> invokeMethod(r.method(), handler, input, context);
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private static Object invokeMethod(Method method, Object handler, Object input, Context context)
            throws Exception {
        Class<?>[] params = method.getParameterTypes();
        Object[] args = switch (params.length) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {input};
            case 2 -> new Object[] {input, context};
            default -> throw new IllegalStateException("unsupported handler signature " + method);
        };
        Object target = Modifier.isStatic(method.getModifiers()) ? null : handler;
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
    }

    private Object acquire() {
        Object handler = idle.pollFirst();
        return handler != null ? handler : newHandlerObject();
    }

    private Object newHandlerObject() {
        try {
            var constructor = handlerClass.getConstructor();
            Object instance = FunctionEnvironment.with(environment, () -> {
                try {
                    return constructor.newInstance();
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new RuntimeException(e);
                }
            });
            instancesCreated.incrementAndGet();
            return instance;
        } catch (NoSuchMethodException e) {
            throw new FunctionInvocationException(config.name(), "Runtime.NoSuchConstructor",
                    handlerClass.getName() + " needs a public no-arg constructor", e, false);
        } catch (RuntimeException e) {
            Throwable cause = unwrap(e);
            throw new FunctionInvocationException(config.name(), "Runtime.InitError",
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause, false);
        }
    }

    private Object coerce(Object event) {
        Class<?> raw = inputType.getRawClass();
        if (event == null || raw.isInstance(event)) {
            return event;
        }
        try {
            if (event instanceof String json && raw != String.class) {
                return JSON.readValue(json, inputType);
            }
            if (event instanceof byte[] json) {
                return JSON.readValue(json, inputType);
            }
            return JSON.convertValue(event, inputType);
        } catch (Exception e) {
            throw new FunctionInvocationException(config.name(), "Runtime.UnmarshalError",
                    "cannot convert " + event.getClass().getSimpleName() + " to " + inputType, e, false);
        }
    }

    private static String describe(Object output) {
        return switch (output) {
            case SQSBatchResponse r when r.getBatchItemFailures() != null && !r.getBatchItemFailures().isEmpty() ->
                    r.getBatchItemFailures().size() + " partial failures";
            case StreamsEventResponse r when r.getBatchItemFailures() != null && !r.getBatchItemFailures().isEmpty() ->
                    r.getBatchItemFailures().size() + " partial failures";
            case APIGatewayV2HTTPResponse r -> "OK (" + r.getStatusCode() + ")";
            case null, default -> "OK";
        };
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof RuntimeException && t.getClass() == RuntimeException.class
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Method findHandlerMethod(Class<?> cls, String name) {
        return Arrays.stream(cls.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && m.getParameterCount() <= 2)
                .filter(m -> m.getParameterCount() < 2 || Context.class.isAssignableFrom(m.getParameterTypes()[1]))
                .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no public method " + name + "(input[, Context]) on " + cls.getName()));
    }

    /**
     * The {@code I} of {@code RequestHandler<I,O>} as seen from {@code cls}, following type variables through
     * superclasses and intermediate interfaces ({@code class A extends Base<Foo>}, {@code Base<T> implements
     * RequestHandler<T, R>}). Falls back to {@code Object} when it is left generic.
     */
    static Type requestHandlerInputType(Class<?> cls) {
        Type found = find(cls, Map.of());
        return found == null || found instanceof TypeVariable<?> ? Object.class : found;
    }

    private static Type find(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> scope = bindings;
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            scope = new HashMap<>();
            for (int i = 0; i < vars.length; i++) {
                scope.put(vars[i], args[i] instanceof TypeVariable<?> tv ? bindings.getOrDefault(tv, tv) : args[i]);
            }
            if (raw == RequestHandler.class) {
                return scope.get(vars[0]);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
            if (raw == RequestHandler.class) {
                return Object.class; // raw type
            }
        } else {
            return null;
        }
        for (Type itf : raw.getGenericInterfaces()) {
            Type found = find(itf, scope);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, scope);
    }
}

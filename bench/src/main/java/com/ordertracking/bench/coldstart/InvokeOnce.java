package com.ordertracking.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

/**
 * The bootstrap of a cold-start run: in a fresh JVM whose class path is one {@code function.jar}, this class and
 * the Lambda runtime's own event serialization library, it does what the managed runtime does for the first
 * request: load the handler class, construct it (no-arg constructor), invoke it once, then print
 * {@code INVOKE-RESULT <json>} and exit. Like the runtime interface client ({@code EventHandlerLoader}), it picks the
 * entry point from the handler string: a class name alone means the {@link RequestStreamHandler} method if the class
 * is one (raw event bytes in, its output bytes are the response), else the typed {@code RequestHandler} method; with
 * {@code ::method}, the overload with the longest signature (a trailing {@code Context} counting one more, bridge
 * methods last), which for a class implementing both is the stream method too. A typed method gets its event read,
 * and its result written, by Lambda's serializers. Deliberately small: every class it loads counts in the measurement.
 *
 * <p>{@code java -cp function.jar:<this>:<aws-lambda-java-serialization> InvokeOnce <pkg.Handler[::method]> <event.json>}
 */
public final class InvokeOnce {
    public static final String RESULT = "INVOKE-RESULT ";
    public static final String ERROR = "INVOKE-ERROR ";

    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        int separator = args[0].lastIndexOf("::");
        String className = separator < 0 ? args[0] : args[0].substring(0, separator);
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        try {
            ClassLoader loader = InvokeOnce.class.getClassLoader();
            Class<?> type = Class.forName(className, true, loader);
            Method method = separator < 0
                    ? (RequestStreamHandler.class.isAssignableFrom(type) ? streamMethod(type) : handlerMethod(type, "handleRequest"))
                    : overload(type, args[0].substring(separator + 2));
            Object instance = type.getDeclaredConstructor().newInstance();
            String json;
            if (isStreamMethod(method)) {
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                method.invoke(instance, new ByteArrayInputStream(event), response, new OneShotContext());
                json = response.toString(StandardCharsets.UTF_8);
            } else {
                Class<?> inputType = method.getParameterTypes()[0];
                Object input = serializer(inputType, loader).fromJson(new ByteArrayInputStream(event));
                Object output = method.invoke(instance, input, new OneShotContext());
                json = output == null ? "null" : toJson(output, loader);
            }
            System.out.println(RESULT + json.replace('\n', ' '));
            System.out.flush();
            Runtime.getRuntime().halt(0); // like the runtime after the response: SDK threads must not keep us
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            System.out.println(ERROR + cause);
            cause.printStackTrace();
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static Method streamMethod(Class<?> type) throws NoSuchMethodException {
        return type.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
    }

    private static boolean isStreamMethod(Method m) {
        return Arrays.equals(m.getParameterTypes(), new Class<?>[] {InputStream.class, OutputStream.class, Context.class});
    }

    /** {@code Class::method}: the runtime's choice among the overloads (the two shapes our functions have). */
    private static Method overload(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .filter(m -> isStreamMethod(m) || m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)
                .min(Comparator.comparing(Method::isBridge).thenComparing(m -> -m.getParameterCount()))
                .orElseThrow(() -> new IllegalArgumentException("no " + name + " handler method on " + type.getName()));
    }

    private static Method handlerMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 2 && !m.isBridge()
                    && m.getParameterTypes()[1] == Context.class) {
                return m;
            }
        }
        throw new IllegalArgumentException("no " + name + "(event, Context) on " + type.getName());
    }

    /** Lambda's event serializers for its event types, its plain Jackson serializer for anything else. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        return (PojoSerializer<Object>) (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, loader)
                : JacksonFactory.getInstance().getSerializer(type));
    }

    private static String toJson(Object value, ClassLoader loader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(value.getClass(), loader).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The context of one invocation, as the runtime provides it; logs go to stderr. */
    private static final class OneShotContext implements Context {
        private final String requestId = UUID.randomUUID().toString();
        private final long deadline = System.currentTimeMillis() + 10_000;

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/" + getFunctionName(); }
        @Override public String getLogStreamName() { return "coldstart"; }
        @Override public String getFunctionName() { return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function"); }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + getFunctionName(); }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return 1024; }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.println(message); }
                @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}

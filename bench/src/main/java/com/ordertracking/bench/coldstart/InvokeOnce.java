package com.ordertracking.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The bootstrap of a cold-start run: in a fresh JVM whose class path is one {@code function.jar}, this class and
 * the Lambda runtime's own event serialization library, it does what the managed runtime does for the first
 * request: load the handler class, construct it (no-arg constructor), read the event with Lambda's serializers,
 * invoke {@code handleRequest} once and write the response, then prints {@code INVOKE-RESULT <json>} and exits.
 * Deliberately small: every class it loads counts in the measurement.
 *
 * <p>{@code java -cp function.jar:<this>:<aws-lambda-java-serialization> InvokeOnce <pkg.Handler::handleRequest> <event.json>}
 */
public final class InvokeOnce {
    public static final String RESULT = "INVOKE-RESULT ";
    public static final String ERROR = "INVOKE-ERROR ";

    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        String[] handler = args[0].split("::");
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        try {
            ClassLoader loader = InvokeOnce.class.getClassLoader();
            Class<?> type = Class.forName(handler[0], true, loader);
            Method method = handlerMethod(type, handler.length > 1 ? handler[1] : "handleRequest");
            Object instance = type.getDeclaredConstructor().newInstance();
            Class<?> inputType = method.getParameterTypes()[0];
            Object input = serializer(inputType, loader).fromJson(new java.io.ByteArrayInputStream(event));
            Object output = method.invoke(instance, input, new OneShotContext());
            String json = output == null ? "null" : toJson(output, loader);
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

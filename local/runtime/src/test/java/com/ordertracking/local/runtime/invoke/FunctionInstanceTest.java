package com.ordertracking.local.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ordertracking.local.runtime.testfn.EchoHttpHandler;
import com.ordertracking.local.runtime.testfn.GateHandler;
import com.ordertracking.local.runtime.testfn.RecordInputHandler;
import com.ordertracking.local.runtime.testfn.StreamAndTypedHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FunctionInstanceTest {

    private static FunctionConfig config(String handler, Map<String, String> env) {
        return new FunctionConfig("Fn", handler, env, Duration.ofSeconds(2), 256, "eu-west-1");
    }

    @Test
    void resolves_input_type_through_generic_superclass_and_interfaces() {
        assertThat(FunctionInstance.requestHandlerInputType(RecordInputHandler.class))
                .isEqualTo(RecordInputHandler.Payload.class);
        assertThat(FunctionInstance.requestHandlerInputType(EchoHttpHandler.class))
                .isEqualTo(APIGatewayV2HTTPEvent.class);
    }

    @Test
    void constructs_once_inside_function_environment_and_converts_input() {
        var fn = new FunctionInstance(config(RecordInputHandler.class.getName(), Map.of("PREFIX", "#")));
        int before = RecordInputHandler.CONSTRUCTED.get();

        Object first = fn.invoke(new RecordInputHandler.Payload("o-1", 2), "test");
        Object second = fn.invoke(Map.of("orderId", "o-2", "quantity", 3), "test"); // converted by Jackson
        Object third = fn.invoke("{\"orderId\":\"o-3\",\"quantity\":4}", "test");

        assertThat(first).isEqualTo("Payload:#o-1x2:Fn");
        assertThat(second).isEqualTo("Payload:#o-2x3:Fn");
        assertThat(third).isEqualTo("Payload:#o-3x4:Fn");
        assertThat(RecordInputHandler.CONSTRUCTED.get() - before).isEqualTo(1);
        assertThat(fn.instancesCreated()).isEqualTo(1);
    }

    /** Our handlers are stream handlers too (for AWS); locally the typed call is kept: the event object passes as is. */
    @Test
    void a_handler_that_is_both_typed_and_stream_is_called_typed() {
        var fn = new FunctionInstance(config(StreamAndTypedHandler.class.getName(), Map.of()));
        var message = new SQSEvent.SQSMessage();
        message.setMessageId("typed-" + System.nanoTime());
        var event = new SQSEvent();
        event.setRecords(List.of(message));

        assertThat(fn.invoke(event, "test")).isInstanceOf(SQSBatchResponse.class);
        assertThat(StreamAndTypedHandler.SEEN.get(message.getMessageId())).isSameAs(event);
    }

    @Test
    void method_handler_and_reserved_environment() {
        var fn = new FunctionInstance(config(RecordInputHandler.class.getName() + "::shout", Map.of()));
        assertThat(fn.inputType().getRawClass()).isEqualTo(String.class);
        assertThat(fn.invoke("hi", "test")).isEqualTo("HI");
    }

    @Test
    void concurrent_invocations_are_safe() throws Exception {
        var fn = new FunctionInstance(config(RecordInputHandler.class.getName(), Map.of("PREFIX", "")));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> fn.invoke(new RecordInputHandler.Payload("o" + i, i), "test")))
                    .toList();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo("Payload:o" + i + "x" + i + ":Fn");
            }
        }
        assertThat(fn.instancesCreated()).isBetween(1, 50);
    }

    @Test
    void handler_errors_and_timeouts_become_invocation_exceptions() {
        var echo = new FunctionInstance(config(EchoHttpHandler.class.getName(), Map.of()));
        var boom = new APIGatewayV2HTTPEvent();
        boom.setRawPath("/boom");
        assertThatThrownBy(() -> echo.invoke(boom, "test"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> {
                    assertThat(e.errorType()).isEqualTo(IllegalStateException.class.getName());
                    assertThat(e.getCause()).hasMessage("boom");
                });

        var slow = new FunctionInstance(new FunctionConfig("Slow", RecordInputHandler.class.getName() + "::shout",
                Map.of(), Duration.ofMillis(200), 0, null));
        assertThatThrownBy(() -> slow.invoke("sleep", "test"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> assertThat(e.timedOut()).isTrue())
                .hasMessageContaining("Task timed out after 0.20 seconds");
    }

    @Test
    void invocations_beyond_the_slots_wait_and_their_timeout_starts_only_in_a_slot() throws Exception {
        GateHandler.GATE = new CountDownLatch(1);
        var slots = new ExecutionSlots(1);
        var holder = new FunctionInstance(new FunctionConfig("Holder", GateHandler.class.getName(), Map.of(),
                Duration.ofSeconds(30), 0, null), slots);
        var quick = new FunctionInstance(new FunctionConfig("Quick", GateHandler.class.getName(), Map.of(),
                Duration.ofMillis(200), 0, null), slots);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> held = callers.submit(() -> holder.invoke("hold", "test"));
            await().atMost(Duration.ofSeconds(10)).until(() -> slots.inUse() == 1 && holder.instancesCreated() == 1);

            Future<Object> waiting = callers.submit(() -> quick.invoke("go", "test"));
            // Waiting for the slot longer than its own 200 ms timeout must not time it out.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
            assertThat(quick.instancesCreated()).as("not started while the slot is taken").isZero();

            GateHandler.GATE.countDown();
            assertThat(held.get()).isEqualTo("hold");
            assertThat(waiting.get()).isEqualTo("go");
        }
        assertThat(quick.timeouts()).isZero();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void a_timed_out_invocation_keeps_its_slot_until_it_really_ends_and_its_instance_is_discarded() {
        var slots = new ExecutionSlots(2);
        var slow = new FunctionInstance(new FunctionConfig("Slow", RecordInputHandler.class.getName() + "::shout",
                Map.of(), Duration.ofMillis(200), 0, null), slots);

        assertThatThrownBy(() -> slow.invoke("sleep", "test"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> assertThat(e.timedOut()).isTrue());
        assertThat(slow.timeouts()).isEqualTo(1);

        // The interrupt ends the abandoned call; only then is its slot free. The next call gets a fresh instance.
        await().atMost(Duration.ofSeconds(10)).until(() -> slots.inUse() == 0);
        assertThat(slow.invoke("again", "test")).isEqualTo("AGAIN");
        assertThat(slow.instancesCreated()).isEqualTo(2);
    }

    @Test
    void bad_handler_string_fails_fast() {
        assertThatThrownBy(() -> new FunctionInstance(config("com.nope.Missing", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.nope.Missing");
    }
}

package com.ordertracking.shared.adapters.http.sellerwebhook;

import com.ordertracking.shared.application.sellerwebhook.WebhookSender;
import com.ordertracking.shared.domain.sellerwebhook.AttemptOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs with the JDK client: redirects are not followed (a 3xx is a failed attempt), the whole exchange —
 * connect, headers and the little of the body we read — has one deadline, and at most
 * {@link #MAX_RESPONSE_BYTES} of the response are read before the connection is let go.
 */
public final class JdkWebhookSender implements WebhookSender {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_RESPONSE_BYTES = 4096;

    private final HttpClient http;
    private final Duration timeout;

    public JdkWebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    @Override
    public AttemptOutcome post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(), info -> new Capped());
        try {
            return AttemptOutcome.ofStatus(exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new AttemptOutcome.Unreachable("no response within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new AttemptOutcome.Unreachable("no response within " + timeout.toSeconds() + " s");
            }
            return new AttemptOutcome.Unreachable(cause instanceof IOException && cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : String.valueOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return new AttemptOutcome.Unreachable("interrupted");
        }
    }

    /** Reads up to the cap and then cancels: a receiver cannot make us download a large or endless body. */
    private static final class Capped implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long seen;

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                seen += buffer.remaining();
            }
            if (seen >= MAX_RESPONSE_BYTES) {
                subscription.cancel();
                done.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            done.complete(null); // the status line is what counts; a broken body does not undo it
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}

package com.ordertracking.buyers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

/** Loads the sample events of events/ (on the test classpath) for tests that adapt them. */
final class Fixtures {
    private Fixtures() {
    }

    static APIGatewayV2HTTPEvent load(String path) {
        return EventLoader.loadApiGatewayHttpEvent(path);
    }
}

package com.ordertracking.local.cloud.template;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

final class Fixtures {
    static final LocalAccount ACCOUNT = LocalAccount.defaults().withStackName("ot")
            .withEndpoints(LocalAccount.Endpoints.defaults().withSqs(URI.create("http://127.0.0.1:9999/")));

    private Fixtures() {}

    static Path fixturePath() {
        try {
            return Path.of(Fixtures.class.getResource("/template-fixture.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SamTemplate fixture() {
        return SamTemplate.load(fixturePath());
    }
}

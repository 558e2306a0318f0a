package com.ordertracking.shared.domain.sellerwebhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.ordertracking.shared.domain.sellerwebhook.ReceiverUrlPolicy.Verdict;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReceiverUrlPolicyTest {
    /** Names resolve from this table only; IP literals parse without any lookup. */
    private static final ReceiverUrlPolicy.HostResolver DNS = host -> {
        Map<String, String> table = Map.of(
                "hooks.shop.example", "93.184.216.34",
                "rebound.example", "10.1.2.3",
                "localhost", "127.0.0.1",
                "dual.example", "93.184.216.34,192.168.0.10");
        String addresses = table.get(host);
        if (addresses == null) {
            if (host.matches("[0-9a-fA-F.:]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        String[] parts = addresses.split(",");
        InetAddress[] result = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = InetAddress.getByName(parts[i]);
        }
        return result;
    };

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.shop.example/orders", "https://hooks.shop.example:8443/x?y=1",
            "https://93.184.216.34/hooks", "https://[2606:4700::1111]/hooks"})
    void public_https_urls_are_allowed_everywhere(String url) {
        assertThat(ReceiverUrlPolicy.PUBLIC_ONLY.check(url, DNS)).isInstanceOf(Verdict.Allowed.class);
        assertThat(ReceiverUrlPolicy.ALLOW_LOOPBACK.check(url, DNS)).isInstanceOf(Verdict.Allowed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hooks", "https://localhost/hooks", "https://[::1]/hooks", "https://0.0.0.0/",
            "https://10.0.0.1/", "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://198.18.0.1/",
            "https://224.0.0.1/", "https://255.255.255.255/", "https://[fe80::1]/", "https://[fd12:3456::1]/",
            "https://[fc00::1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[64:ff9b::a00:1]/", "https://[2001:db8::1]/", "https://[ff02::1]/", "https://[::]/",
            "https://rebound.example/hooks", "https://dual.example/hooks"})
    void non_public_addresses_are_refused_on_aws(String url) {
        assertThat(ReceiverUrlPolicy.PUBLIC_ONLY.check(url, DNS)).isInstanceOf(Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.shop.example/orders", "ftp://hooks.shop.example/", "hooks.shop.example/x",
            "https://user:pw@hooks.shop.example/", "https://hooks.shop.example/#frag", "https://unknown.example/",
            "not a url", ""})
    void plain_http_credentials_fragments_and_unresolvable_hosts_are_refused(String url) {
        assertThat(ReceiverUrlPolicy.PUBLIC_ONLY.check(url, DNS)).isInstanceOf(Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://localhost:3001/hooks", "https://localhost/hooks",
            "http://[::1]:9000/hooks"})
    void the_local_runtime_allows_loopback_receivers(String url) {
        assertThat(ReceiverUrlPolicy.ALLOW_LOOPBACK.check(url, DNS)).isInstanceOf(Verdict.Allowed.class);
        assertThat(ReceiverUrlPolicy.PUBLIC_ONLY.check(url, DNS)).isInstanceOf(Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/hooks", "https://192.168.1.1/", "http://169.254.169.254/",
            "http://rebound.example/", "http://hooks.shop.example/"})
    void the_local_runtime_still_refuses_private_addresses_and_plain_http_elsewhere(String url) {
        assertThat(ReceiverUrlPolicy.ALLOW_LOOPBACK.check(url, DNS)).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void the_reason_names_the_offending_address() {
        assertThat(ReceiverUrlPolicy.PUBLIC_ONLY.check("https://rebound.example/hooks", DNS))
                .isEqualTo(new Verdict.Refused("host rebound.example resolves to a non-public address (10.1.2.3)"));
    }

    @Test
    void the_setting_names_the_policy() {
        assertThat(ReceiverUrlPolicy.ofSetting("public-only")).isEqualTo(ReceiverUrlPolicy.PUBLIC_ONLY);
        assertThat(ReceiverUrlPolicy.ofSetting("allow-loopback")).isEqualTo(ReceiverUrlPolicy.ALLOW_LOOPBACK);
    }
}

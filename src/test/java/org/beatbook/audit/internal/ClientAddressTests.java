package org.beatbook.audit.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

    static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        if (forwardedFor != null) {
            r.addHeader("X-Forwarded-For", forwardedFor);
        }
        return r;
    }

    @Test
    void ignoresForwardedForUnlessTheProxyIsTrusted() {
        ClientAddress none = new ClientAddress(new AuditProperties(null));
        assertThat(none.of(from("10.0.0.5", "1.2.3.4"))).isEqualTo("10.0.0.5");

        ClientAddress trusted = new ClientAddress(new AuditProperties(List.of("10.0.0.0/24")));
        assertThat(trusted.of(from("192.168.1.9", "1.2.3.4"))).isEqualTo("192.168.1.9");
        assertThat(trusted.of(from("10.0.0.5", "1.2.3.4"))).isEqualTo("1.2.3.4");
    }

    @Test
    void takesTheRightmostUntrustedHopSoAForgedLeftPartIsIgnored() {
        ClientAddress trusted = new ClientAddress(new AuditProperties(List.of("10.0.0.5", "10.0.0.6")));
        assertThat(trusted.of(from("10.0.0.5", "6.6.6.6, 1.2.3.4, 10.0.0.6"))).isEqualTo("1.2.3.4");
        assertThat(trusted.of(from("10.0.0.5", "<script>, 10.0.0.6"))).isEqualTo("10.0.0.6");
        assertThat(trusted.of(from("10.0.0.5", ""))).isEqualTo("10.0.0.5");
    }
}

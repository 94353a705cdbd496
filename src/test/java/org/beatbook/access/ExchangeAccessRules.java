package org.beatbook.access;

import org.beatbook.shared.security.Role;

import java.util.List;
import java.util.Set;

import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.unscoped;
import static org.beatbook.shared.security.Role.AUXILIARY_POLICE;
import static org.beatbook.shared.security.Role.COMMUNITY_OFFICER;
import static org.beatbook.shared.security.Role.COMMUNITY_WORKER;
import static org.beatbook.shared.security.Role.STATION_LEADER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Upstream push and the volume ledger: the link's status is for the officer and the leaders; the ranking (figures,
 * no personal data) for every operational role, each over its own jurisdiction. Administrators and the auditor see
 * neither; re-queuing parked sightings is the status page's action, for the same roles. No endpoint takes an id: what
 * lies outside the caller's jurisdiction is simply not counted or re-queued (checked in ExchangeWebIntegrationTests
 * and OutboxPushIntegrationTests).
 */
class ExchangeAccessRules implements AccessRules {

    static final Set<Role> STATUS = roles(STATION_LEADER, COMMUNITY_OFFICER);
    static final Set<Role> VOLUME = roles(STATION_LEADER, COMMUNITY_OFFICER, AUXILIARY_POLICE, COMMUNITY_WORKER);

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        return List.of(
                unscoped(GET, "/exchange", STATUS, c -> get("/exchange")),
                unscoped(GET, "/api/v1/exchange/status", STATUS, c -> get("/api/v1/exchange/status")),
                unscoped(POST, "/exchange/requeue", STATUS, c -> post("/exchange/requeue")),
                unscoped(POST, "/api/v1/exchange/requeue", STATUS, c -> post("/api/v1/exchange/requeue")),
                unscoped(GET, "/exchange/volume", VOLUME, c -> get("/exchange/volume").param("period", "MONTH")),
                unscoped(GET, "/exchange/volume.xlsx", VOLUME, c -> get("/exchange/volume.xlsx").param("period", "WEEK")),
                unscoped(GET, "/api/v1/volume", VOLUME, c -> get("/api/v1/volume").param("from", "2026-11-01")
                        .param("to", "2026-11-30")));
    }
}

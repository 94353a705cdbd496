package org.beatbook.organisation.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's organisations as the first start loads them: their people are demo residents, each in one job. */
@SpringBootTest(properties = "beatbook.demo=true")
class OrganisationDemoIntegrationTests {

    @Autowired JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void staffAreResidentsOfTheCommunityMostlyOfTheUnitsOwnCompound() {
        long units = count("select count(*) from organisation.organisation");
        assertThat(units).isBetween(250L, 400L);
        assertThat(count("select count(*) from organisation.organisation where legal_rep_person_id is not null"))
                .isEqualTo(units);
        long linked = count("select count(*) from organisation.employment where person_id is not null");
        assertThat(linked).isGreaterThan(units * 2);
        assertThat(count("select count(distinct person_id) from organisation.employment")).isEqualTo(linked);
        // the linked person is the registered one: same name, a current resident
        assertThat(count("""
                select count(*) from organisation.employment e join population.person p on p.id = e.person_id
                 where e.name <> p.name or not exists (select 1 from population.residence r
                                                        where r.person_id = p.id and r.moved_out is null)"""))
                .isZero();
        assertThat(count("""
                select count(*) from organisation.employment e
                 where e.person_id is not null and not exists (select 1 from population.person p where p.id = e.person_id)"""))
                .isZero();
        long local = count("""
                select count(*) from organisation.employment e join organisation.organisation o on o.id = e.organisation_id
                 where e.person_id is not null and o.compound_code is not null
                   and exists (select 1 from population.residence r where r.person_id = e.person_id
                                 and r.moved_out is null and r.node_path::text like '%.' || o.compound_code || '.%')""");
        long inCompounds = count("""
                select count(*) from organisation.employment e join organisation.organisation o on o.id = e.organisation_id
                 where e.person_id is not null and o.compound_code is not null""");
        // a small compound may run out of adults; then the unit takes someone from elsewhere in the community
        assertThat(local).isGreaterThanOrEqualTo(inCompounds * 9 / 10);
        // legal representatives linked by id keep no document of their own: the person index has it
        assertThat(count("""
                select count(*) from organisation.employment
                 where role = 'LEGAL_REPRESENTATIVE' and person_id is not null and document is not null""")).isZero();
    }
}

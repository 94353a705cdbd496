package org.beatbook.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.beatbook.identity.internal.AccountsConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One Spring context (real embedded PostgreSQL, MockMvc with Spring Security) shared by the identity tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "beatbook.identity.bcrypt-cost=10")
@AutoConfigureMockMvc
@Import({IdentityTestConfiguration.class, AccountsConfiguration.class})
@RecordApplicationEvents
public @interface IdentityIntegrationTest {
}

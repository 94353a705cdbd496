package org.beatbook.audit.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code java -jar beatbook.jar --beatbook.audit.verify}: checks the chain, prints the result and exits
 * with 0 (intact) or 1 (broken). {@link VerifyModeEnvironment} keeps the web port closed in this mode.
 */
@Component
@ConditionalOnProperty(VerifyModeEnvironment.PROPERTY)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditReading reading;
    private final MessageSource messages;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditReading reading, MessageSource messages, ConfigurableApplicationContext context) {
        this.reading = reading;
        this.messages = messages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = check(System.out, Locale.getDefault());
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Runs the check and prints it; returns the exit code. */
    int check(PrintStream out, Locale locale) {
        ChainVerification v = reading.verify(Optional.empty(), "console:" + System.getProperty("user.name", "?"));
        if (v.intact()) {
            out.println(messages.getMessage("audit.verify.cli.intact",
                    new Object[]{v.rows(), v.headId() == null ? "-" : v.headId().toString(), v.headHash() == null ? "-" : v.headHash()},
                    locale));
            return 0;
        }
        out.println(messages.getMessage("audit.verify.cli.broken",
                new Object[]{v.brokenId().toString(), messages.getMessage("audit.verify.problem." + v.problem(), null, locale),
                        v.expectedHash(), v.storedHash() == null ? "-" : v.storedHash()}, locale));
        return 1;
    }
}

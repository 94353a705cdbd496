package org.beatbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BeatbookApplication {
    public static void main(String[] args) {
        SpringApplication.run(BeatbookApplication.class, args);
    }
}

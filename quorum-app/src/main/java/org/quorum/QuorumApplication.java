package org.quorum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QuorumApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuorumApplication.class, args);
    }
}

package org.quorum.infrastructure.camunda;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Serialises the engine's schema creation and update across Quorum nodes sharing one database.
 * Camunda's {@code databaseSchemaUpdate} is not safe when two engines start at once on an empty database
 * (both try to create the tables), so the first node holds a PostgreSQL advisory lock from the end of
 * engine configuration until the engine is built; the others wait and then find the schema in place.
 */
@Component
class SchemaCreationLock extends AbstractProcessEnginePlugin {

    /** Arbitrary, fixed key: "QUORUM" in ASCII. Shared by every node. */
    static final long LOCK_KEY = 0x51554F52554DL;

    private final DataSource dataSource;
    private Connection lockConnection;

    SchemaCreationLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            lockConnection = dataSource.getConnection();
            try (Statement statement = lockConnection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the schema lock in PostgreSQL", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = lockConnection; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the schema lock in PostgreSQL", e);
        } finally {
            lockConnection = null;
        }
    }
}

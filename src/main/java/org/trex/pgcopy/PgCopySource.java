package org.trex.pgcopy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * A Spark source reading a PostgreSQL SELECT in id ranges through binary COPY, typed as Spark's JDBC source types it.
 */
public final class PgCopySource implements TableProvider, DataSourceRegister {
    /** Spark makes one provider per load and asks for the schema before the table: describe the query once. */
    private PgCopyOptions describedFor;
    private List<PgColumn> described;

    @Override
    public String shortName() {
        return "trex-pgcopy";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return schema(columns(PgCopyOptions.from(options)));
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        PgCopyOptions options = PgCopyOptions.from(properties);
        List<PgColumn> columns = columns(options);
        if (!schema(columns).equals(schema)) {
            throw new IllegalArgumentException("Cannot read query with a given schema: this source only reads the "
                    + "schema it infers, " + schema(columns).simpleString());
        }
        return new PgCopyTable(options, columns);
    }

    static StructType schema(List<PgColumn> columns) {
        List<StructField> fields = new ArrayList<>();
        for (PgColumn column : columns) {
            fields.add(DataTypes.createStructField(column.name(), column.sparkType(), true));
        }
        return DataTypes.createStructType(fields);
    }

    private List<PgColumn> columns(PgCopyOptions options) {
        if (!options.equals(describedFor)) {
            described = describe(options);
            describedFor = options;
        }
        return described;
    }

    /** The query's columns as PostgreSQL describes them, without running it. */
    static List<PgColumn> describe(PgCopyOptions options) {
        List<PgColumn> columns = new ArrayList<>();
        try (Connection connection = connect(options.url());
                PreparedStatement statement = connection.prepareStatement(options.query())) {
            ResultSetMetaData metaData = statement.getMetaData();
            if (metaData == null || metaData.getColumnCount() == 0) {
                throw new IllegalArgumentException("Cannot read query: it returns no columns; give one SELECT");
            }
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.add(PgType.column(metaData.getColumnLabel(i), metaData.getColumnTypeName(i),
                        metaData.getPrecision(i), metaData.getScale(i)));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the columns of the query from PostgreSQL: " + safeMessage(e), e);
        }
        partitionColumn(options, columns);
        return columns;
    }

    /** The column the ranges split, matched as Spark matches names (case aside); it must hold integers. */
    static PgColumn partitionColumn(PgCopyOptions options, List<PgColumn> columns) {
        String name = options.partitionColumn();
        PgColumn column = columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("Cannot partition by " + name
                        + ": the query has no such column"));
        if (!column.type().isInteger()) {
            throw new IllegalArgumentException("Cannot partition by " + column.name() + ": it is "
                    + column.type().pgName() + ", not an integer");
        }
        return column;
    }

    /**
     * A connection straight from pgjdbc's driver: on an executor that got pgjdbc through spark.jars,
     * DriverManager may not know the driver.
     */
    static Connection connect(String url) throws SQLException {
        Connection connection = new org.postgresql.Driver().connect(url, DatabaseUrl.driverProperties());
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL");
        }
        return DatabaseUrl.session(connection);
    }

    /** The first line of a password-free driver message: PostgreSQL's detail lines can quote a row. */
    static String safeMessage(SQLException e) {
        String message = DatabaseUrl.safeMessage(e);
        return message.lines().findFirst().orElse(message);
    }
}

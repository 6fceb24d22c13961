package org.trex.pgcopy;

import java.util.Locale;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** The PostgreSQL types the binary COPY reader decodes, and the Spark type each reads as. */
enum PgType {
    INT2, INT4, INT8, BOOL, FLOAT4, FLOAT8, NUMERIC, TEXT, DATE, TIMESTAMP, TIMESTAMPTZ;

    /**
     * The column of a query as pgjdbc describes it, typed as Spark 4.1's JDBC source types it for
     * PostgreSQL, so that this reader and {@code spark.read().jdbc(...)} give the same schema.
     */
    static PgColumn column(String name, String typeName, int precision, int scale) {
        String type = typeName.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "int2" -> new PgColumn(name, INT2, DataTypes.ShortType, 0, 0);
            case "int4" -> new PgColumn(name, INT4, DataTypes.IntegerType, 0, 0);
            case "int8" -> new PgColumn(name, INT8, DataTypes.LongType, 0, 0);
            case "bool" -> new PgColumn(name, BOOL, DataTypes.BooleanType, 0, 0);
            case "float4" -> new PgColumn(name, FLOAT4, DataTypes.FloatType, 0, 0);
            case "float8" -> new PgColumn(name, FLOAT8, DataTypes.DoubleType, 0, 0);
            case "numeric" -> numeric(name, precision, scale);
            // Spark reads char(n) padded as PostgreSQL sends it, so the bytes need no work.
            case "text", "varchar", "bpchar" -> new PgColumn(name, TEXT, DataTypes.StringType, 0, 0);
            case "date" -> new PgColumn(name, DATE, DataTypes.DateType, 0, 0);
            case "timestamp" -> new PgColumn(name, TIMESTAMP, DataTypes.TimestampType, 0, 0);
            case "timestamptz" -> new PgColumn(name, TIMESTAMPTZ, DataTypes.TimestampType, 0, 0);
            default -> throw new IllegalArgumentException("Cannot read column " + name + ": PostgreSQL type " + typeName
                    + " has no binary COPY decoder");
        };
    }

    private static PgColumn numeric(String name, int precision, int scale) {
        // Spark caps a declared numeric at its 38 digits and reads an unconstrained one as DECIMAL(38,18).
        DecimalType type = precision > 0
                ? DataTypes.createDecimalType(Math.min(precision, DecimalType.MAX_PRECISION()),
                        Math.min(scale, DecimalType.MAX_SCALE()))
                : DecimalType.SYSTEM_DEFAULT();
        return new PgColumn(name, NUMERIC, type, type.precision(), type.scale());
    }

    /** Whether a column of this type can split a query into id ranges. */
    boolean isInteger() {
        return this == INT2 || this == INT4 || this == INT8;
    }

    /** The field length binary COPY always sends for this type, or -1 when it varies. */
    int fixedLength() {
        return switch (this) {
            case BOOL -> 1;
            case INT2 -> 2;
            case INT4, FLOAT4, DATE -> 4;
            case INT8, FLOAT8, TIMESTAMP, TIMESTAMPTZ -> 8;
            case NUMERIC, TEXT -> -1;
        };
    }

    /** The name PostgreSQL gives the type, for messages. */
    String pgName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

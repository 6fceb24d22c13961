package org.trex.pgcopy;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;

/**
 * One output column of the query: its name, PostgreSQL type, Spark type and, for decimals, Spark's precision and scale.
 */
record PgColumn(String name, PgType type, DataType sparkType, int precision, int scale) implements Serializable {
}

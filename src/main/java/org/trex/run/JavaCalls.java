package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.objects.Invoke;
import org.apache.spark.sql.classic.ExpressionUtils;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Spark column that calls a public method of a Java object with Spark's own internal values
 * ({@code UTF8String}, not String): the generated code calls it directly, where a UDF would convert every
 * argument and result. The generated code is compiled apart from ours: the object's class and method must
 * be public, and the method's name must not be shared with another method, or Spark falls back, without
 * failing, to calling it by reflection. The object is shipped to the tasks with the plan, so it must be
 * serializable, and every printed form of the plan shows its {@code toString()}.
 */
final class JavaCalls {
    /** Whether Spark may call the method on nulls, or answers null for it. */
    enum Nulls { PROPAGATE, PASS_IN }

    /** Whether Spark may move, repeat or drop the call as it optimises: not for methods with side effects. */
    enum Effects { NONE, SIDE_EFFECTS }

    private JavaCalls() {
    }

    static Column call(Serializable target, String method, DataType result, Nulls nulls, Effects effects,
            Column... arguments) {
        requireNonNull(target, "target is null");
        requireNonNull(method, "method is null");
        List<Expression> inputs = Arrays.stream(arguments).map(ExpressionUtils::expression).toList();
        return ExpressionUtils.column(new Invoke(Literal.fromObject(target), method, result,
                CollectionConverters.asScala(inputs).toList(),
                CollectionConverters.asScala(List.<AbstractDataType>of()).toList(),
                nulls == Nulls.PROPAGATE, true, effects == Effects.NONE));
    }
}

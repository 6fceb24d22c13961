package org.trex.cli;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.trex.run.SafeMessages;

/**
 * Log4j's {@code %scrubbedEx{full}}: the stack trace a log line carries (Spark logs a failed task's), every line
 * scrubbed as TREx's one-line messages are, as its messages can quote a row's values; {@code %scrubbedEx{none}}
 * prints none. {@code src/main/resources/log4j2.xml} takes which from {@link #PROPERTY}, {@link #FULL} only with
 * {@code TREX_DEBUG=1}.
 */
@Plugin(name = "ScrubbedTraces", category = PatternConverter.CATEGORY)
@ConverterKeys({"scrubbedEx"})
public final class ScrubbedTraces extends LogEventPatternConverter {
    /** The system property log4j2.xml reads: {@link #FULL}, or none when unset. */
    static final String PROPERTY = "trex.log.traces";
    static final String FULL = "full";

    private final ErrorHandler.Traces traces;

    private ScrubbedTraces(ErrorHandler.Traces traces) {
        super("ScrubbedTraces", "throwable");
        this.traces = traces;
    }

    /** The converter for {@code %scrubbedEx{OPTION}}, as log4j makes it. */
    public static ScrubbedTraces newInstance(String[] options) {
        boolean full = options != null && options.length > 0 && FULL.equals(options[0]);
        return new ScrubbedTraces(full ? ErrorHandler.Traces.PRINTED : ErrorHandler.Traces.NOT_PRINTED);
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        Throwable thrown = event.getThrown();
        if (traces == ErrorHandler.Traces.PRINTED && thrown != null) {
            SafeMessages.trace(thrown).forEach(line -> toAppendTo.append(TerminalText.safe(line))
                    .append(System.lineSeparator()));
        }
    }

    @Override
    public boolean handlesThrowable() {
        return true;
    }
}

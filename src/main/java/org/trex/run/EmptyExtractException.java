package org.trex.run;

/**
 * A run refused because its checks left out every record it read: an extract with no rows is a sign that something
 * upstream is wrong (an allow list or objection register that lists everyone, a source not loaded), so nothing is
 * published.
 */
public final class EmptyExtractException extends RuntimeException {
    public EmptyExtractException(String message) {
        super(message);
    }
}

package com.ordertracking.local.cloud.sns;

import java.util.Objects;

/**
 * An SNS message attribute as it arrives on the wire.
 *
 * @param dataType {@code String}, {@code String.Array}, {@code Number} or {@code Binary}, optionally with a custom
 *                 suffix such as {@code Number.float}
 * @param value    the string value, or the base64 text of a binary value
 */
public record MessageAttribute(String dataType, String value) {
    public MessageAttribute {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(value, "value");
    }

    public boolean isBinary() {
        return dataType.startsWith("Binary");
    }

    public boolean isNumber() {
        return dataType.startsWith("Number");
    }

    public boolean isStringArray() {
        return dataType.startsWith("String.Array");
    }

    /** The type name SNS writes into the JSON envelope. */
    String envelopeType() {
        return isBinary() ? "Binary" : isNumber() ? "Number" : isStringArray() ? "String.Array" : "String";
    }
}

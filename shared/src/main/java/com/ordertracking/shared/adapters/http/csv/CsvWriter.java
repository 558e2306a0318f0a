package com.ordertracking.shared.adapters.http.csv;

import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records ended by CRLF; a field containing a comma, a
 * double quote, CR or LF is enclosed in double quotes with its quotes doubled; null is an empty field.
 * Also keeps a conservative count of what the text weighs once it is the body of a Lambda proxy response
 * (a JSON string, where quotes and line breaks take two bytes and non-ASCII may take six), so a caller
 * can stop before the 6 MB response limit.
 */
public final class CsvWriter {
    private final StringBuilder out;
    private long weight;

    public CsvWriter(StringBuilder out) {
        this.out = out;
    }

    /** Appends one record. */
    public void record(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                append(",");
            }
            String field = fields.get(i);
            if (field != null) {
                append(needsQuotes(field) ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
            }
        }
        append("\r\n");
    }

    /** The response-body weight of everything written so far, in bytes, an upper bound. */
    public long weight() {
        return weight;
    }

    /** The JSON-escaped size of {@code text} in bytes, an upper bound (non-ASCII counted as {@code \\uXXXX}). */
    public static long weightOf(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                bytes += 2;
            } else if (c < 0x20 || c > 0x7e) {
                bytes += 6;
            } else {
                bytes += 1;
            }
        }
        return bytes;
    }

    static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void append(String text) {
        out.append(text);
        weight += weightOf(text);
    }
}

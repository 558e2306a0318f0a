package com.ordertracking.local.cloud.sns;

import java.util.Map;

/** Just enough of an XML writer for SNS query responses. */
final class Xml {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder out = new StringBuilder();

    Xml open(String tag) {
        out.append('<').append(tag).append('>');
        return this;
    }

    Xml close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes {@code <tag>value</tag>}; a {@code null} value writes nothing, as SNS omits absent fields. */
    Xml element(String tag, String value) {
        if (value != null) {
            open(tag);
            escape(value);
            close(tag);
        }
        return this;
    }

    /** An SNS attribute map: {@code <tag><entry><key/><value/></entry>...</tag>}. */
    Xml entries(String tag, Map<String, String> map) {
        open(tag);
        map.forEach((key, value) -> open("entry").element("key", key).element("value", value).close("entry"));
        return close(tag);
    }

    String body() {
        return out.toString();
    }

    /** {@code <ActionResponse xmlns=...><ActionResult>result</ActionResult><ResponseMetadata>...}. */
    static String response(String action, String result, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append('<').append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (result != null) {
            xml.append('<').append(action).append("Result>").append(result).append("</").append(action).append("Result>");
        }
        return xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>")
                .append("</").append(action).append("Response>").toString();
    }

    static String error(SnsException e, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\">"
                + new Xml().open("Error").element("Type", e.type()).element("Code", e.code())
                        .element("Message", e.getMessage()).close("Error").element("RequestId", requestId).body()
                + "</ErrorResponse>";
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                // Carriage returns would be normalised away by the parser: keep them as references.
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }
}

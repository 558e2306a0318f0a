package com.ordertracking.local.cloud.sns;

/** An SNS error as the query protocol reports it: HTTP status, fault type, code and message. */
final class SnsException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;

    SnsException(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static SnsException invalidParameter(String message) {
        return new SnsException(400, "Sender", "InvalidParameter", "Invalid parameter: " + message);
    }

    static SnsException notFound(String message) {
        return new SnsException(404, "Sender", "NotFound", message);
    }

    static SnsException sender(String code, String message) {
        return new SnsException(400, "Sender", code, message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }
}

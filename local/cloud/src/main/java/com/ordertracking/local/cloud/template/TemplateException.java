package com.ordertracking.local.cloud.template;

/**
 * A template that cannot be loaded or a value that cannot be resolved locally. The message names the
 * logical id and property path involved so the template author can find the offending line.
 */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}

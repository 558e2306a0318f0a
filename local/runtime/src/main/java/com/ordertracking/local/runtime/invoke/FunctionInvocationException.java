package com.ordertracking.local.runtime.invoke;

/** A failed invocation: the handler threw (errorType = its exception class) or timed out. */
public final class FunctionInvocationException extends RuntimeException {

    private final String functionName;
    private final String errorType;
    private final boolean timedOut;

    public FunctionInvocationException(String functionName, String errorType, String message, Throwable cause,
                                       boolean timedOut) {
        super(functionName + ": " + errorType + ": " + message, cause);
        this.functionName = functionName;
        this.errorType = errorType;
        this.timedOut = timedOut;
    }

    public String functionName() {
        return functionName;
    }

    public String errorType() {
        return errorType;
    }

    public boolean timedOut() {
        return timedOut;
    }
}

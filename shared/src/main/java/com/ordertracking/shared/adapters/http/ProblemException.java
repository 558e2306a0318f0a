package com.ordertracking.shared.adapters.http;

/** Ends request handling with a problem response; thrown from anywhere below a handler. */
public final class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** A problem answering a failure on our side (5xx); the handler logs {@code cause}, the client sees only the problem. */
    public ProblemException(Problem problem, Throwable cause) {
        super(problem.detail(), cause, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

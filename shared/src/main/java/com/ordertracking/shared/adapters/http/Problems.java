package com.ordertracking.shared.adapters.http;

import com.ordertracking.shared.application.ConflictException;
import com.ordertracking.shared.application.InvalidRequestException;
import com.ordertracking.shared.application.NotFoundException;
import com.ordertracking.shared.application.StaleVersionException;
import com.ordertracking.shared.application.UnprocessableException;
import com.ordertracking.shared.application.UseCaseException;
import com.ordertracking.shared.application.ValidationException;
import com.ordertracking.shared.application.VersionConflictException;
import com.ordertracking.shared.domain.IllegalTransitionException;
import java.util.Optional;

/**
 * The HTTP meaning of the use cases' refusals (docs/openapi.yaml): one place, so every route answers a
 * stale {@code If-Match} and a lost race alike — {@code 412} when the client named a version, {@code 409
 * concurrent-modification} when it did not.
 */
public final class Problems {
    private Problems() {
    }

    public static Problem of(UseCaseException refusal) {
        return switch (refusal) {
            case ValidationException e -> Problem.validation(e.errors());
            case InvalidRequestException e -> Problem.badRequest(e.code(), e.getMessage());
            case NotFoundException e -> Problem.notFound(e.getMessage());
            case ConflictException e -> Problem.conflict(e.code(), e.getMessage()).withCondition(e.condition());
            case StaleVersionException e -> Problem.preconditionFailed(e.getMessage());
            case VersionConflictException e -> Problem.conflict("concurrent-modification",
                    "The order was changed by another request at the same time; read it again and retry");
            case UnprocessableException e -> Problem.unprocessable(e.code(), e.getMessage());
        };
    }

    /** The problem a client mistake is answered with; empty for anything else (an internal error). */
    public static Optional<Problem> of(RuntimeException e) {
        return switch (e) {
            case ProblemException problem -> Optional.of(problem.problem());
            case UseCaseException refusal -> Optional.of(of(refusal));
            case IllegalTransitionException illegal -> Optional.of(Problem.conflict("illegal-transition", illegal.getMessage()));
            default -> Optional.empty();
        };
    }
}

package com.ordertracking.local.runtime.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Generic base class: the input type must be resolved through the subclass' type argument. */
public abstract class GenericBaseHandler<T> implements RequestHandler<T, String> {

    @Override
    public String handleRequest(T input, Context context) {
        return input.getClass().getSimpleName() + ":" + describe(input) + ":" + context.getFunctionName();
    }

    protected abstract String describe(T input);
}

import { builder } from "../builder.ts";
import type { BundleIssue } from "../bundle/validate.ts";
import { EditError, MissingNode } from "../edit/errors.ts";

/** Input that was refused; every issue names the field (a path) and the reason. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly issues: BundleIssue[],
  ) {
    super(message);
  }
}

/** An id that names nothing in the graph. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(readonly id: string) {
    super(`nothing has the id "${id}"`);
  }
}

const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldIssue = builder.objectRef<BundleIssue>("FieldIssue").implement({
  description: "One problem with the input: where (a JSON pointer or argument path) and why",
  fields: (t) => ({ path: t.exposeString("path"), message: t.exposeString("message") }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [FieldIssue], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ id: t.exposeID("id") }),
});

/** Shorthand for a refusal naming one field. */
export const invalid = (path: string, message: string) =>
  new ValidationError(`${path}: ${message}`, [{ path, message }]);

/** Runs an edit service; its refusals become the schema's typed errors, naming the argument or the missing id. */
export async function edited<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EditError) throw invalid(error.path, error.reason);
    if (error instanceof MissingNode) throw new NotFoundError(error.id);
    throw error;
  }
}

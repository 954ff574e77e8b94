/** A refused edit: `path` names the argument that is wrong, the message says why. Nothing is written. */
export class EditError extends Error {
  override name = "EditError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** An id that names nothing in the graph. */
export class MissingNode extends Error {
  override name = "MissingNode";
  constructor(readonly id: string) {
    super(`nothing has the id "${id}"`);
  }
}

/** Input from outside did not have the shape a mapper needs. Names the field by path. */
export class MappingError extends Error {
  override name = 'MappingError';
  constructor(
    /** Path of the offending field, e.g. `class.terms[0].sourcedId`. */
    readonly field: string,
    /** What was wrong, in plain words. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

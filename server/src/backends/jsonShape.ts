// Checks that a flag service's JSON has the documented shape, for the vendors' pure wire formats:
// kept apart from the HTTP client so that parsing imports no IO.

/** Thrown by the backends' response parsers when JSON does not have the documented shape. */
export class ResponseShapeError extends Error {}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or a ResponseShapeError naming `where`. */
export function expectObject(value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) throw new ResponseShapeError(`${where} is not an object`);
  return value;
}

/** The value as a list, or a ResponseShapeError naming `where`. */
export function expectArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ResponseShapeError(`${where} is ${value === undefined ? 'missing' : 'not a list'}`);
  return value;
}

/** The value as text, or a ResponseShapeError naming `where`. */
export function expectString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ResponseShapeError(`${where} is ${value === undefined ? 'missing' : 'not text'}`);
  return value;
}

/** The value when it is text. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * An error without a stack trace, for errors thrown as control flow and caught by the caller
 * (a grammar that does not read a Type cell):
 * capturing a stack for each of the thousands a run throws was a measurable part of its time.
 *
 * @module
 */

/** An `Error` whose construction captures no stack trace. */
export class QuietError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

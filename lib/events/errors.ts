/**
 * The error every reader, writer and validator of the event-data format throws. The message
 * always starts with the file it is about; `row` (0-based row within the file), `line` (1-based
 * line of a CSV file) and `column` are set when the problem is that precise.
 */
export class EventDataError extends Error {
  readonly file: string;
  readonly row?: number;
  readonly line?: number;
  readonly column?: string;

  constructor(file: string, message: string, where: { row?: number; line?: number; column?: string } = {}) {
    super(`${file}: ${message}`);
    this.name = "EventDataError";
    this.file = file;
    if (where.row !== undefined) this.row = where.row;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
  }
}

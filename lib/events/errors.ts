import { InputDataError } from "../errors.js";

/**
 * The error every reader, writer and validator of the event-data format throws. The message
 * always starts with the file it is about; `row` (0-based row within the file), `line` (1-based
 * line of a CSV file) and `column` are set when the problem is that precise. It is an
 * `InputDataError` whose `field` is the column.
 */
export class EventDataError extends InputDataError {
  override readonly name: string = "EventDataError";
  readonly column?: string;

  constructor(file: string, message: string, where: { row?: number; line?: number; column?: string } = {}) {
    super(`${file}: ${message}`, { file, field: where.column, row: where.row, line: where.line });
    if (where.column !== undefined) this.column = where.column;
  }
}

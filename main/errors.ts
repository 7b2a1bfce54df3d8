import type { CallError, ErrorCode } from '../shared/contract';

/** A failure the user should be told about in words; the router passes it through as `{code, message}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toCallError(): CallError {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: number | string) => new AppError('not_found', `${what} ${id} does not exist.`);

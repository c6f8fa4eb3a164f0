/** The closed set of ways a use case can refuse; one mapper turns each into a response. */
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "invalid_state"
  | "invalid_input"
  | "limit_exceeded"
  | "payload_too_large"
  | "expired"
  | "unauthenticated";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** i18n key of the message shown to the user. */
    readonly messageKey: string = `errors.${code}`,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "DomainError";
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

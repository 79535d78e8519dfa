export type ErrorCode = "bad_request" | "validation" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export type InvalidParam = { name: string; reason: string };

/** An error whose message is safe to show to the caller. Anything else is answered as a generic 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { invalidParams?: InvalidParam[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return STATUS_BY_CODE[this.code];
  }
}

export class NotFoundError extends AppError {
  constructor(what = "Resource") {
    super("not_found", `${what} not found`);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this") {
    super("forbidden", message);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue") {
    super("unauthorized", message);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super("conflict", message);
  }
}
export class ValidationError extends AppError {
  constructor(message: string, invalidParams: InvalidParam[] = []) {
    super("validation", message, { invalidParams });
  }
}
export class LimitExceededError extends AppError {
  constructor(message: string, retryAfterSeconds?: number) {
    super("rate_limited", message, { retryAfterSeconds });
  }
}

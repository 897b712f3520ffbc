// Errors the handlers throw; the server turns them into common.yaml ErrorResponse bodies.
//
// Snowflake publishes no list of REST API v2 error codes. Where a Snowflake code is known from its
// SQL/login error messages we reuse it; the rest are emulator-chosen codes in Snowflake's 39xxxx
// (REST/gateway) range, marked as such.
export const ErrorCodes = {
  // Snowflake SQL error 002003: "<Type> '<name>' does not exist or not authorized."
  doesNotExist: "002003",
  // Snowflake SQL error 002002: "Object '<name>' already exists."
  alreadyExists: "002002",
  // Snowflake SQL error 000904: "invalid identifier '<name>'".
  invalidIdentifier: "000904",
  // Snowflake SQL error 003001: "SQL access control error: Insufficient privileges to operate on ...".
  insufficientPrivileges: "003001",
  // Snowflake SQL error 090064: "Invalid state. Warehouse '<name>' cannot be resumed/suspended."
  invalidWarehouseState: "090064",
  // Key-pair auth troubleshooting docs: "JWT token is invalid." is login error 390144.
  jwtInvalid: "390144",
  // Snowflake login error 390303: "Invalid OAuth access token."
  oauthInvalid: "390303",
  // Emulator-chosen: bad/missing programmatic access token.
  patInvalid: "390401",
  // Emulator-chosen: no usable Authorization / X-Snowflake-Authorization-Token-Type header.
  authMissing: "390400",
  // Emulator-chosen codes for plain HTTP-level failures.
  badRequest: "390410",
  notFound: "390404",
  methodNotAllowed: "390405",
  unsupportedMediaType: "390415",
  tooManyRequests: "390429",
  serviceUnavailable: "390503",
  gatewayTimeout: "390504",
  internalError: "390500",
  // Snowflake's SuccessAcceptedResponse code (common.yaml SuccessAcceptedResponse example): still running.
  requestInProgress: "392604",
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, ErrorCodes.badRequest, message);
}

export function doesNotExist(objectType: string, displayName: string): ApiError {
  return new ApiError(
    404,
    ErrorCodes.doesNotExist,
    `SQL compilation error:\n${objectType} '${displayName}' does not exist or not authorized.`
  );
}

export function alreadyExists(displayName: string): ApiError {
  return new ApiError(409, ErrorCodes.alreadyExists, `SQL compilation error:\nObject '${displayName}' already exists.`);
}

export function unauthorized(code: string, message: string): ApiError {
  return new ApiError(401, code, message);
}

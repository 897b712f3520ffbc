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
  // Snowflake SQL error 002203: "Object found is of type 'VIEW', not specified type 'TABLE'." (as users report it,
  // e.g. arnoN7/dbt-incremental-stream#8).
  wrongObjectType: "002203",
  // Snowflake SQL error 000904: "invalid identifier '<name>'".
  invalidIdentifier: "000904",
  // Snowflake SQL error 003001: "SQL access control error: Insufficient privileges to operate on ...".
  insufficientPrivileges: "003001",
  // Snowflake SQL error 090064: "Invalid state. Warehouse '<name>' cannot be resumed/suspended."
  invalidWarehouseState: "090064",
  // Snowflake SQL error 091421 (SQLSTATE 22000): "Unable to update graph with root task <db>.<schema>.<root> since
  // that root task is not suspended." ALTER TASK / DROP TASK docs: the root task must be suspended before any task
  // of its graph is modified or dropped; the code and text are as users report them from live accounts.
  graphRootNotSuspended: "091421",
  // Snowflake login error 390100: "Incorrect username or password was specified." (also a wrong PAT: PATs stand in for passwords).
  incorrectCredentials: "390100",
  // Snowflake GS codes the Node driver acts on (snowflake-sdk constants/gs_errors.js): 390104 invalid session
  // token, 390111 session gone, 390112 session token expired (the driver renews), 390114 master token expired.
  sessionTokenInvalid: "390104",
  sessionGone: "390111",
  sessionExpired: "390112",
  masterTokenExpired: "390114",
  // Federated authentication error codes docs: 390139 AUTHENTICATOR_NOT_SUPPORTED, 390191 USERNAMES_MISMATCH.
  authenticatorNotSupported: "390139",
  usernamesMismatch: "390191",
  // Snowflake login error 390189: the role in the connect string does not exist or is not granted.
  roleNotGranted: "390189",
  // gs_errors.js ID_TOKEN_INVALID: the driver drops its cached ID token and opens the browser again.
  idTokenInvalid: "390195",
  // Key-pair auth troubleshooting docs: "JWT token is invalid." is login error 390144.
  jwtInvalid: "390144",
  // Snowflake login error 390303: "Invalid OAuth access token."; gs_errors.js 390318: OAuth access token expired.
  oauthInvalid: "390303",
  oauthExpired: "390318",
  // Emulator-chosen (after Snowflake's TOTP MFA errors, 3945xx): MFA passcode missing or wrong.
  mfaFailed: "394508",
  // Emulator-chosen: an account this emulator does not host. (Snowflake's gateway answers such a host with
  // HTTP 403; the connector contract here is HTTP 200 with success:false, hence a code.)
  accountNotFound: "390403",
  // Emulator-chosen: the Host header and the credential name different accounts.
  accountMismatch: "390402",
  // Emulator-chosen: EXTERNALBROWSER token unknown, used, expired, or its proof key does not match.
  ssoTokenInvalid: "390406",
  // Emulator-chosen: a WORKLOAD_IDENTITY attestation no user accepts.
  workloadIdentityInvalid: "390407",
  // Snowflake SQL error 002003 (sqlState 02000); the emulator answers every statement it does not know with it.
  sqlCompilation: "002003",
  // Emulator-chosen: bad/missing programmatic access token.
  patInvalid: "390401",
  // Emulator-chosen: no usable Authorization / X-Snowflake-Authorization-Token-Type header.
  authMissing: "390400",
  // Emulator-chosen codes for plain HTTP-level failures.
  badRequest: "390410",
  notFound: "390404",
  methodNotAllowed: "390405",
  // Emulator-chosen: an operation of the specs the emulator does not implement (answered 501).
  notImplemented: "390501",
  // Snowflake SQL error 001003 (SQLSTATE 42000): "syntax error line 1 at position N unexpected '<token>'."
  syntaxError: "001003",
  unsupportedMediaType: "390415",
  tooManyRequests: "390429",
  serviceUnavailable: "390503",
  gatewayTimeout: "390504",
  internalError: "390500",
  // Emulator-chosen (Snowpark Container Services errors are in Snowflake's 395xxx range, e.g. 395085 for DROP SERVICE
  // of a service with block storage; these exact codes are not confirmed): a compute pool that still has services
  // cannot be dropped; a service cannot start on a suspended pool whose AUTO_RESUME is FALSE.
  computePoolHasServices: "395201",
  computePoolSuspended: "395202",
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

/** An object a statement refers to (a stream's table, a pipe's stage) is missing: "Object '<name>' does not exist or not authorized." */
export function referenceMissing(displayName: string, objectType = "Object"): ApiError {
  return new ApiError(404, ErrorCodes.doesNotExist, `SQL compilation error:\n${objectType} '${displayName}' does not exist or not authorized.`);
}

export function alreadyExists(displayName: string): ApiError {
  return new ApiError(409, ErrorCodes.alreadyExists, `SQL compilation error:\nObject '${displayName}' already exists.`);
}

export function wrongObjectType(found: string, specified: string): ApiError {
  return new ApiError(400, ErrorCodes.wrongObjectType, `SQL compilation error:\nObject found is of type '${found}', not specified type '${specified}'.`);
}

export function unauthorized(code: string, message: string): ApiError {
  return new ApiError(401, code, message);
}

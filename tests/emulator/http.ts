// What a handler answers, independent of node:http, so results can be stored and replayed (202 polling).
import { ApiError, ErrorCodes } from "./errors";

export interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown): Outcome {
  return { status: 200, body };
}

/** common.yaml SuccessResponse: mutations answer 200 {"status": "..."}. */
export function success(status: string): Outcome {
  return { status: 200, body: { status } };
}

/** common.yaml ErrorResponse; error_code repeats code because the spec keeps it as a deprecated alias. */
export function errorOutcome(error: ApiError, requestId: string): Outcome {
  return {
    status: error.status,
    body: { message: error.message, code: error.code, error_code: error.code, request_id: requestId },
    headers: error.headers,
  };
}

/** common.yaml 202SuccessAcceptedResponse: Location header + SuccessAcceptedResponse body. */
export function accepted(resultHandle: string): Outcome {
  return {
    status: 202,
    body: {
      code: ErrorCodes.requestInProgress,
      message: "Request is still running; poll the Location header (or resultHandler) until it stops answering 202.",
      resultHandler: resultHandle,
    },
    headers: { Location: `/api/v2/results/${resultHandle}` },
  };
}

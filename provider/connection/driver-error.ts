// Turning snowflake-sdk's errors into messages for people: what the server or identity provider said, with every
// known secret taken out (the driver's messages may quote what it sent).

export function describeDriverError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = code === undefined || error.message.includes(String(code)) ? error.message : `${error.message} (code ${code})`;
  // The OAuth flows surface the identity provider's refusal as a bare axios error; its RFC 6749 answer says why.
  const answer = parseJsonObject((error as { response?: { data?: unknown } }).response?.data);
  if (answer && "error" in answer) {
    const { error: reason, error_description: description } = answer as { error: unknown; error_description?: unknown };
    return `${message}; the identity provider answered ${String(reason)}${description ? `: ${String(description).replace(/\.$/, "")}` : ""}`;
  }
  return message;
}

function parseJsonObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

/** Replaces each secret, longest first so one containing another is not left half-shown. */
export function scrubSecrets(text: string, secrets: string[]): string {
  return [...secrets].sort((a, b) => b.length - a.length).reduce((scrubbed, secret) => scrubbed.split(secret).join("(secret)"), text);
}

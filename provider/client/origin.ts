// Where the REST API of an account lives: https://<account>.snowflakecomputing.com unless host/protocol/port say
// otherwise (PrivateLink, China regions, the emulator).

export interface OriginSettings {
  account?: string;
  host?: string;
  protocol?: string;
  port?: number | string;
}

export function originFor(settings: OriginSettings): string {
  const protocol = (settings.protocol ?? "https").toLowerCase().replace(/:$/, "");
  if (protocol !== "https" && protocol !== "http") {
    throw new Error(`protocol "${settings.protocol}" is not supported; use "https" or "http"`);
  }
  let host = settings.host;
  if (!host) {
    if (!settings.account) throw new Error("neither an account nor a host is set, so there is no Snowflake endpoint to call");
    // Underscores break TLS host-name checks; Snowflake's drivers rewrite them to hyphens too.
    host = `${settings.account.toLowerCase().replace(/_/g, "-")}.snowflakecomputing.com`;
  }
  const port = settings.port === undefined || settings.port === "" ? undefined : Number(settings.port);
  if (port !== undefined && (!Number.isInteger(port) || port <= 0 || port > 65535)) {
    throw new Error(`port "${settings.port}" is not a valid TCP port (1-65535)`);
  }
  const defaultPort = protocol === "https" ? 443 : 80;
  return port === undefined || port === defaultPort ? `${protocol}://${host}` : `${protocol}://${host}:${port}`;
}

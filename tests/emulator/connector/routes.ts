// Every connector endpoint the emulator serves, beside the REST API v2 routes.
import type { Route } from "../router";
import { loginRoutes } from "./login";
import { oauthRoutes } from "./oauth";
import { queryRoutes } from "./query";
import type { ConnectorServices } from "./services";
import { sessionRoutes } from "./session-routes";
import { ssoRoutes } from "./sso";
import type { StatementKinds } from "../sql/execute";

export function connectorRoutes(services: ConnectorServices, kinds: StatementKinds): Route[] {
  return [
    ...loginRoutes(services),
    ...sessionRoutes(services),
    ...queryRoutes(services, kinds),
    ...ssoRoutes(services),
    ...oauthRoutes(services),
  ];
}

// Every connector endpoint the emulator serves, beside the REST API v2 routes.
import type { Route } from "../router";
import { loginRoutes } from "./login";
import { oauthRoutes } from "./oauth";
import { queryRoutes } from "./query";
import type { ConnectorServices } from "./services";
import { sessionRoutes } from "./session-routes";
import { ssoRoutes } from "./sso";

export function connectorRoutes(services: ConnectorServices): Route[] {
  return [
    ...loginRoutes(services),
    ...sessionRoutes(services),
    ...queryRoutes(services),
    ...ssoRoutes(services),
    ...oauthRoutes(services),
  ];
}

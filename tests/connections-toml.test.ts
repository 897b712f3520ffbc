// connections.toml and per-resource connections: which file, which section, which key names, and the precedence
// resource connection > stack config > SNOWFLAKE_* variables > connections.toml.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { connectionsTomlLayer } from "../provider/connection/connections-toml";
import { accountIdentity, resolveResourceConnection } from "../provider/connection/resource-connection";
import { resolveConnection } from "../provider/connection/settings";
import { engineFor } from "../provider/runtime";

let home: string;
const write = (name: string, text: string, mode = 0o600) => {
  fs.writeFileSync(path.join(home, name), text);
  fs.chmodSync(path.join(home, name), mode);
};
beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), "sf-home-")); });
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

const CONNECTIONS = `
[default]
account = "dev_acct"
user = "deployer"
private_key_file = "/keys/dev.p8"
private_key_file_pwd = "dev-pass"
port = 8443

[prod]
account = "prod_acct"
user = "deployer"
authenticator = "SNOWFLAKE_JWT"
private_key_raw = "-----BEGIN PRIVATE KEY-----x"
`;

describe("connections.toml", () => {
  test("the default section, with Snowflake's key names mapped and values as text", () => {
    write("connections.toml", CONNECTIONS);
    const resolved = resolveConnection([connectionsTomlLayer({ env: { SNOWFLAKE_HOME: home } })]);
    expect(resolved.settings).toEqual({ account: "dev_acct", user: "deployer", privateKeyPath: "/keys/dev.p8", privateKeyPassphrase: "dev-pass", port: "8443" });
    expect(resolved.sources.privateKeyPath).toBe(`${path.join(home, "connections.toml")} [default] private_key_file`);
  });

  test("SNOWFLAKE_DEFAULT_CONNECTION_NAME picks the section", () => {
    write("connections.toml", CONNECTIONS);
    const resolved = resolveConnection([connectionsTomlLayer({ env: { SNOWFLAKE_HOME: home, SNOWFLAKE_DEFAULT_CONNECTION_NAME: "prod" } })]);
    expect(resolved.settings).toMatchObject({ account: "prod_acct", authenticator: "SNOWFLAKE_JWT", privateKey: "-----BEGIN PRIVATE KEY-----x" });
  });

  test("default_connection_name in config.toml picks the section, and config.toml [connections.*] are read too", () => {
    write("config.toml", `default_connection_name = "ci"\n[connections.ci]\naccount = "ci_acct"\nuser = "ci_user"\n`);
    write("connections.toml", CONNECTIONS);
    expect(resolveConnection([connectionsTomlLayer({ env: { SNOWFLAKE_HOME: home } })]).settings).toEqual({ account: "ci_acct", user: "ci_user" });
  });

  test("a file others can write is refused, as Snowflake's tools do", () => {
    write("connections.toml", CONNECTIONS, 0o666);
    expect(() => resolveConnection([connectionsTomlLayer({ env: { SNOWFLAKE_HOME: home } })])).toThrow(/connections.toml is writable by others \(mode 666\).*chmod 0600/);
  });

  test("a connection named explicitly must exist", () => {
    write("connections.toml", CONNECTIONS);
    expect(() => resolveConnection([connectionsTomlLayer({ name: "staging", env: { SNOWFLAKE_HOME: home } })])).toThrow(/connection "staging" is not defined in .*connections.toml \(defined: default, prod\)/);
  });

  test("no file at all is simply no settings", () => {
    expect(resolveConnection([connectionsTomlLayer({ env: { SNOWFLAKE_HOME: home } })]).settings).toEqual({});
  });
});

describe("precedence for a resource", () => {
  const stackConfig = (values: Record<string, string>) => (key: string) => values[key];

  test("resource connection > stack config > environment, key by key", () => {
    const env = { SNOWFLAKE_USER: "env_user", SNOWFLAKE_ROLE: "ENV_ROLE", SNOWFLAKE_ACCOUNT: "env_acct", SNOWFLAKE_TOKEN: "t" };
    const resolved = resolveResourceConnection({ role: "RESOURCE_ROLE" }, stackConfig({ "snowflake:account": "config_acct" }), env);
    expect(resolved.settings).toEqual({ role: "RESOURCE_ROLE", account: "config_acct", user: "env_user", token: "t" });
    expect(resolved.sources).toMatchObject({
      role: "the resource's connection.role",
      account: "stack config snowflake:account",
      user: "environment variable SNOWFLAKE_USER",
    });
  });

  test("the default connections.toml connection fills in only when nothing above names an account or host", () => {
    write("connections.toml", CONNECTIONS);
    const env = { SNOWFLAKE_HOME: home, SNOWFLAKE_ROLE: "ENV_ROLE" };
    // Nothing names an account: the default connection supplies it and its credentials, under the role from env.
    expect(resolveResourceConnection(undefined, stackConfig({}), env).settings)
      .toEqual({ account: "dev_acct", user: "deployer", role: "ENV_ROLE", privateKeyPath: "/keys/dev.p8", privateKeyPassphrase: "dev-pass", port: "8443" });
    // Stack config names another account: the default connection (dev's key) must not be mixed into it.
    expect(resolveResourceConnection(undefined, stackConfig({ "snowflake:account": "prod_acct" }), env).settings)
      .toEqual({ account: "prod_acct", role: "ENV_ROLE" });
  });

  test("a resource naming a profile uses that connection alone, under its explicit fields", () => {
    write("connections.toml", CONNECTIONS);
    const env = { SNOWFLAKE_HOME: home, SNOWFLAKE_TOKEN: "primary-token" };
    const resolved = resolveResourceConnection({ profile: "prod", role: "DR_ADMIN" }, stackConfig({ "snowflake:account": "primary_acct" }), env);
    expect(resolved.settings).toEqual({ account: "prod_acct", user: "deployer", role: "DR_ADMIN", authenticator: "SNOWFLAKE_JWT", privateKey: "-----BEGIN PRIVATE KEY-----x" });
    expect(accountIdentity(resolved)).toBe("PROD_ACCT");
  });
});

describe("the connection input is checked", () => {
  test.each([
    [{ password: "hunter2" }, "connection.password", /stored in state, so it never holds secrets; put password in stack config as a secret/],
    [{ privateKey: "---" }, "connection.privateKey", /never holds secrets/],
    [{ acount: "typo" }, "connection.acount", /not allowed \(given a string\); a resource.s connection takes profile, account/],
    [{ account: 42 }, "connection.account", /^42 is not allowed; expected a string/],
  ])("%j", async (connection, property, reason) => {
    const { failures } = await engineFor("Database").check({}, { name: "DB", connection });
    expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    expect(JSON.stringify(failures)).not.toContain("hunter2");
  });
});

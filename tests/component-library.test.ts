// examples/component-library through the driver against one emulator: the analytics and marketing stacks, each a
// DataProduct from the example's component library, deploy side by side (they share nothing but the account),
// have every object and grant the component promises, refresh clean, take one more reader role with nothing but
// its grant created, and destroy leaving nothing behind.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DriverMode, DriverResult, runDriverProcess } from "./driver";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { expectNoSecrets } from "./support/secret-scan";
import { connectionEnv, expectOk } from "./support/test-stack";

const STACKS_DIR = path.resolve(__dirname, "..", "examples", "component-library", "stacks");
type StackName = "analytics" | "marketing";
/** Roles the identity team manages outside these stacks, granted read access by config. */
const OUT_OF_BAND_ROLES = ["ANALYSTS", "FINANCE"];

let emulator: Emulator;
let stateDir: string;
let rolesBefore: string[];
let usersBefore: string[];

beforeAll(async () => {
  emulator = await startEmulator();
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-component-library-"));
  for (const name of OUT_OF_BAND_ROLES) expect((await rest("POST", "/api/v2/roles", { name })).status).toBeLessThan(300);
  rolesBefore = await names("/api/v2/roles");
  usersBefore = await names("/api/v2/users");
});
afterAll(async () => {
  await emulator?.close();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

const rest = (method: string, apiPath: string, body?: unknown) => callEmulator(emulator, method, apiPath, body);
const names = async (apiPath: string) => ((await rest("GET", apiPath)).body as { name: string }[]).map((row) => row.name).sort();

function runUnchecked(stack: StackName, mode: DriverMode, config: Record<string, string> = {}): Promise<DriverResult> {
  const stateFile = path.join(stateDir, `${stack}.json`);
  // The stack's Pulumi.prod.yaml shapes the product; only where the emulator listens comes from the environment.
  return runDriverProcess({ mode, programDir: path.join(STACKS_DIR, stack), stack: "prod", stateFile, config, env: connectionEnv(emulator) })
    .then((result) => {
      expectNoSecrets(stateFile, [emulator.credentials.programmaticAccessToken]);
      return result;
    });
}

const run = async (stack: StackName, mode: DriverMode, config: Record<string, string> = {}) => expectOk(await runUnchecked(stack, mode, config));
const changed = (result: DriverResult) => result.changes.filter((change) => change.op !== "same").map((change) => `${change.op} ${change.name}`);

type Row = { securable_type: string; securable?: { name: string }; containing_scope?: { database: string; schema?: string }; privileges: string[] };
const grantsOf = async (role: string, kind: "grants" | "future-grants" = "grants") => (await rest("GET", `/api/v2/roles/${role}/${kind}`)).body as Row[];
/**
 * Grants as `TYPE NAME: PRIVILEGES`, one line per securable (or scope of a future grant), sorted: Snowflake lists
 * future grants one row per privilege.
 */
function described(rows: Row[]): string[] {
  const privileges = new Map<string, string[]>();
  for (const row of rows) {
    const on = row.securable?.name ?? [row.containing_scope?.database, row.containing_scope?.schema].filter(Boolean).join(".");
    const key = `${row.securable_type} ${on}`;
    privileges.set(key, [...(privileges.get(key) ?? []), ...row.privileges]);
  }
  return [...privileges].map(([key, list]) => `${key}: ${list.sort().join(",")}`).sort();
}
const rolesGrantedTo = async (role: string) => (await grantsOf(role)).filter((row) => row.securable_type === "ROLE").map((row) => row.securable!.name).sort();

const ANALYTICS_SCHEMAS = ["RAW", "STAGING", "MARTS"];
const MARKETING_SCHEMAS = ["CAMPAIGNS", "ATTRIBUTION"];
const WRITE = "DELETE,INSERT,TRUNCATE,UPDATE";
/** The analytics readers after the change, as `pulumi config set --path readers[1] FINANCE` would leave them. */
const WITH_FINANCE = { "acme-analytics:readers": JSON.stringify(["ANALYSTS", "FINANCE"]) };

describe("both stacks deploy side by side", () => {
  let analytics: DriverResult;
  let marketing: DriverResult;
  beforeAll(async () => {
    [analytics, marketing] = await Promise.all([run("analytics", "up"), run("marketing", "up")]);
  });

  test("every resource is created, inside its component", () => {
    for (const result of [analytics, marketing]) expect(result.changes.filter((change) => change.op !== "create" && change.type !== "pulumi:pulumi:Stack")).toEqual([]);
    const product = analytics.changes.filter((change) => change.type !== "pulumi:pulumi:Stack" && change.type !== "acme:snowflake:DataProduct");
    expect(product.every((change) => change.urn.includes("acme:snowflake:DataProduct$") && change.name.startsWith("analytics-"))).toBe(true);
    // A database, 3 schemas, a warehouse, 3 roles, 3 role grants (the hierarchy and SYSADMIN), grants on the
    // database and warehouse plus 2 per schema (USAGE, ALL), 4 bulk grants per schema, 1 reader, the user and its role.
    expect(product).toHaveLength(1 + 3 + 1 + 3 + 3 + 2 + 3 * 2 + 3 * 4 + 1 + 2);
  });

  test("the stack outputs name the product's objects", () => {
    expect(analytics.outputs).toEqual({
      database: "ANALYTICS", warehouse: "ANALYTICS_WH", readerRole: "ANALYTICS_READER", writerRole: "ANALYTICS_WRITER",
      adminRole: "ANALYTICS_ADMIN", serviceUser: "ANALYTICS_SVC", schemas: { RAW: "ANALYTICS.RAW", STAGING: "ANALYTICS.STAGING", MARTS: "ANALYTICS.MARTS" },
    });
    expect(marketing.outputs).toMatchObject({ database: "MARKETING", readerRole: "MARKETING_READER", serviceUser: "MARKETING_SVC", teamRole: "MARKETING_TEAM" });
  });

  test("the database, schemas and warehouse exist as configured", async () => {
    expect(await names("/api/v2/databases/ANALYTICS/schemas")).toEqual(expect.arrayContaining(ANALYTICS_SCHEMAS));
    expect(await names("/api/v2/databases/MARKETING/schemas")).toEqual(expect.arrayContaining(MARKETING_SCHEMAS));
    expect((await rest("GET", "/api/v2/warehouses/ANALYTICS_WH")).body).toMatchObject({ warehouse_size: "SMALL", auto_suspend: 120 });
    expect((await rest("GET", "/api/v2/warehouses/MARKETING_WH")).body).toMatchObject({ warehouse_size: "XSMALL", auto_suspend: 60 });
  });

  test("the reader uses the database, schemas and warehouse and selects every table, now and later", async () => {
    expect(described(await grantsOf("ANALYTICS_READER"))).toEqual([
      "DATABASE ANALYTICS: USAGE", ...ANALYTICS_SCHEMAS.map((schema) => `SCHEMA ${schema}: USAGE`), "WAREHOUSE ANALYTICS_WH: USAGE",
    ].sort());
    expect(described(await grantsOf("ANALYTICS_READER", "future-grants"))).toEqual(ANALYTICS_SCHEMAS.map((schema) => `TABLE ANALYTICS.${schema}: SELECT`).sort());
  });

  test("the writer inherits the reader and writes every table, now and later", async () => {
    expect(described(await grantsOf("ANALYTICS_WRITER"))).toEqual(["ROLE ANALYTICS_READER: USAGE"]);
    expect(described(await grantsOf("ANALYTICS_WRITER", "future-grants"))).toEqual(ANALYTICS_SCHEMAS.map((schema) => `TABLE ANALYTICS.${schema}: ${WRITE}`).sort());
  });

  test("the admin inherits the writer, has ALL on the schemas and rolls up to SYSADMIN", async () => {
    const admin = await grantsOf("ANALYTICS_ADMIN");
    expect(await rolesGrantedTo("ANALYTICS_ADMIN")).toEqual(["ANALYTICS_WRITER"]);
    for (const schema of ANALYTICS_SCHEMAS) {
      const privileges = admin.filter((row) => row.securable_type === "SCHEMA" && row.securable?.name === schema).flatMap((row) => row.privileges);
      expect(privileges).toEqual(expect.arrayContaining(["USAGE", "CREATE TABLE", "MODIFY", "MONITOR"]));
    }
    expect(await rolesGrantedTo("SYSADMIN")).toEqual(["ANALYTICS_ADMIN", "MARKETING_ADMIN"]);
  });

  test("the reader roles passed in can read: ANALYSTS the analytics product, the stack's own team role marketing", async () => {
    expect(await rolesGrantedTo("ANALYSTS")).toEqual(["ANALYTICS_READER"]);
    expect(await rolesGrantedTo("MARKETING_TEAM")).toEqual(["MARKETING_READER"]);
    expect(await rolesGrantedTo("FINANCE")).toEqual([]);
  });

  test("the service user is a key-pair SERVICE user whose default role, the writer, is granted to it", async () => {
    for (const product of ["ANALYTICS", "MARKETING"]) {
      expect((await rest("GET", `/api/v2/users/${product}_SVC`)).body).toMatchObject({
        type: "SERVICE", default_role: `${product}_WRITER`, default_warehouse: `${product}_WH`, has_rsa_public_key: true,
      });
      expect(described((await rest("GET", `/api/v2/users/${product}_SVC/grants`)).body)).toEqual([`ROLE ${product}_WRITER: USAGE`]);
    }
  });

  test("a table created later gets the reader's and the writer's privileges from the future grants", async () => {
    const table = { name: "ORDERS", columns: [{ name: "ID", datatype: "NUMBER" }] };
    expect((await rest("POST", "/api/v2/databases/ANALYTICS/schemas/MARTS/tables", table)).status).toBeLessThan(300);
    const onOrders = async (role: string) => (await grantsOf(role)).filter((row) => row.securable_type === "TABLE" && row.securable?.name === "ORDERS").flatMap((row) => row.privileges).sort().join(",");
    expect(await onOrders("ANALYTICS_READER")).toBe("SELECT");
    expect(await onOrders("ANALYTICS_WRITER")).toBe(WRITE);
  });
});

describe("refresh, then one more reader", () => {
  test("each stack refreshes with no diff", async () => {
    const refreshes = await Promise.all([run("analytics", "refresh"), run("marketing", "refresh")]);
    for (const refresh of refreshes) expect(changed(refresh)).toEqual([]);
  });

  test("adding a reader role creates its role grant and changes nothing else", async () => {
    emulator.clearRequestLog();
    const up = await run("analytics", "up", WITH_FINANCE);
    expect(changed(up)).toEqual(["create analytics-read-by-finance"]);
    const writes = emulator.requestLog.filter((entry) => entry.method !== "GET" && entry.path.startsWith("/api/v2/"));
    expect(writes.map((entry) => `${entry.method} ${entry.path}`)).toEqual(["POST /api/v2/roles/FINANCE/grants"]);
    expect(await rolesGrantedTo("FINANCE")).toEqual(["ANALYTICS_READER"]);
    expect(await rolesGrantedTo("ANALYSTS")).toEqual(["ANALYTICS_READER"]);
  });
});

describe("destroy", () => {
  test("a table made outside the stack stops its schema's delete, named; once its owner removes it, the destroy ends", async () => {
    const [refused] = await Promise.all([runUnchecked("analytics", "destroy", WITH_FINANCE), run("marketing", "destroy")]);
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain("schema ANALYTICS.MARTS cannot be deleted: it still holds 1 object this stack did not delete first, which the delete would drop: ORDERS (table).");
    expect((await rest("GET", "/api/v2/databases/ANALYTICS/schemas/MARTS/tables/ORDERS")).status).toBe(200);
    expect((await rest("DELETE", "/api/v2/databases/ANALYTICS/schemas/MARTS/tables/ORDERS")).status).toBe(200);
    await run("analytics", "destroy", WITH_FINANCE);
  });

  test("no database, warehouse, user or product role is left", async () => {
    expect(await names("/api/v2/databases")).toEqual([]);
    expect(await names("/api/v2/warehouses")).toEqual([]);
    expect(await names("/api/v2/users")).toEqual(usersBefore);
    expect(await names("/api/v2/roles")).toEqual(rolesBefore);
  });

  test("the roles that stay hold none of the products' grants", async () => {
    for (const role of [...OUT_OF_BAND_ROLES, "SYSADMIN"]) expect(await rolesGrantedTo(role)).toEqual([]);
  });
});

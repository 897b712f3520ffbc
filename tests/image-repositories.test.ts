// Image repositories through the engine against the emulator: the registry URL a service specification names
// (`<org>-<account>.registry.snowflakecomputing.com/<db>/<schema>/<repo>`, lower case), a comment that only ALTER
// IMAGE REPOSITORY sets (image-repository.yaml has no `comment` and no PUT), and a new name -- Snowflake cannot
// rename a repository -- refused unless allowReplace, since the new one starts without the pushed images.
import { closeAllPools } from "../provider/client/rest-client";
import { ImageRepositoryStrict, ImageStrict } from "../provider/wire/image-repository";
import { Emulator, startEmulator } from "./emulator";
import { registryHost } from "./emulator/kinds/image-repository";
import type { AccountState } from "./emulator/state";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

const DB = "IR_DB";
const REPOSITORIES = `/api/v2/databases/${DB}/schemas/PUBLIC/image-repositories`;
const ids = (name: string) => ({ database: DB, schema: "PUBLIC", name });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: DB });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});

const engine = () => engineAgainst(emulator, "ImageRepository");
const call = (method: string, path: string, body?: unknown) => callEmulator(emulator, method, path, body);
/** The writes the engine sent: REST creates and deletes, and SQL statements. */
const writes = () => emulator.requestLog.filter((entry) => entry.method !== "GET").map((entry) => `${entry.method} ${entry.path}`);

describe("the repository URL", () => {
  test("is the account's registry host and the lower-cased path, read back as an output", async () => {
    const { id, outs } = await engine().create({ ...ids("app_images") });
    expect(id).toBe("IR_DB.PUBLIC.APP_IMAGES");
    // The default account EMULATOR has no organization: the emulator's is EMULATORORG (kinds/image-repository.ts).
    expect(outs).toMatchObject({ fullyQualifiedName: "IR_DB.PUBLIC.APP_IMAGES", repositoryUrl: "emulatororg-emulator.registry.snowflakecomputing.com/ir_db/public/app_images", owner: expect.any(String), createdOn: expect.any(String) });
    const live = await call("GET", `${REPOSITORIES}/APP_IMAGES`);
    expect(ImageRepositoryStrict.safeParse(live.body).success).toBe(true);
    expect(live.body.repository_url).toBe(outs.repositoryUrl);
  });

  test("composes into an image reference as a plain string, as pulumi.interpolate would", async () => {
    const { props } = await engine().read("IR_DB.PUBLIC.APP_IMAGES", { ...ids("APP_IMAGES"), account: emulator.account });
    const repositoryUrl = props?.repositoryUrl;
    expect(typeof repositoryUrl).toBe("string");
    const image = `${repositoryUrl}/nginx:latest`;
    const specification = `spec:\n  containers:\n  - name: web\n    image: ${image}\n`;
    expect(image).toBe("emulatororg-emulator.registry.snowflakecomputing.com/ir_db/public/app_images/nginx:latest");
    expect(specification).toContain(`image: ${image}`);
  });

  test("an <org>-<account> name gives its own organization; underscores become dashes, all lower case", () => {
    expect(registryHost({ name: "MyOrg-My_Account" } as AccountState)).toBe("myorg-my-account.registry.snowflakecomputing.com");
    expect(registryHost({ name: "acme-prod.us-east-2.aws" } as AccountState)).toBe("acme-prod.registry.snowflakecomputing.com");
  });

  test("lists no images: nothing can be pushed to the emulator", async () => {
    const images = await call("GET", `${REPOSITORIES}/APP_IMAGES/images`);
    expect(images.status).toBe(200);
    expect(images.body).toEqual([]);
    (images.body as unknown[]).forEach((image) => expect(ImageStrict.safeParse(image).success).toBe(true));
    expect((await call("GET", `${REPOSITORIES}/NO_SUCH_REPO/images`)).status).toBe(404);
  });
});

describe("the comment", () => {
  test("is set by ALTER right after the create, changed and removed in place", async () => {
    const path = `${REPOSITORIES}/COMMENTED`;
    emulator.clearRequestLog();
    const { outs } = await engine().create({ ...ids("COMMENTED"), comment: "v1" });
    expect(writes()).toEqual([`POST ${REPOSITORIES}`, "POST /api/v2/statements"]);
    expect(emulator.defaultAccount.factsOf(path).comment).toBe("v1");
    const createdOn = (await call("GET", path)).body.created_on;

    emulator.clearRequestLog();
    expect(await engine().diff("IR_DB.PUBLIC.COMMENTED", outs, { ...ids("COMMENTED"), comment: "v2" })).toMatchObject({ changes: true, replaces: [] });
    const { outs: changed } = await engine().update("IR_DB.PUBLIC.COMMENTED", outs, { ...ids("COMMENTED"), comment: "v2" });
    expect(changed).toMatchObject({ comment: "v2" });
    expect(emulator.defaultAccount.factsOf(path).comment).toBe("v2");

    await engine().update("IR_DB.PUBLIC.COMMENTED", changed, { ...ids("COMMENTED") });
    expect(emulator.defaultAccount.factsOf(path).comment).toBeUndefined();
    expect(writes()).toEqual(["POST /api/v2/statements", "POST /api/v2/statements"]);
    expect((await call("GET", path)).body.created_on).toBe(createdOn);
  });

  test("is not in the REST snapshot, which the emulator keeps strict", async () => {
    const live = await call("GET", `${REPOSITORIES}/COMMENTED`);
    expect(live.body).not.toHaveProperty("comment");
    const refused = await call("POST", REPOSITORIES, { name: "WITH_COMMENT", comment: "x" });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/Unknown field 'comment'/);
  });
});

describe("a new name", () => {
  test("is refused without allowReplace: the new repository would start without the pushed images", async () => {
    const { outs } = await engine().create({ ...ids("RELEASES") });
    await expect(engine().diff("IR_DB.PUBLIC.RELEASES", outs, { ...ids("RELEASES_V2") })).rejects.toThrow(/changing name replaces image repository IR_DB.PUBLIC.RELEASES, and the new image repository would start without the images pushed to it[\s\S]*Set allowReplace: true/);
    expect(await engine().diff("IR_DB.PUBLIC.RELEASES", outs, { ...ids("RELEASES_V2"), allowReplace: true })).toMatchObject({ changes: true, replaces: ["name"] });
  });

  test("cannot be given by ALTER: Snowflake's ALTER IMAGE REPOSITORY has no RENAME TO", async () => {
    const renamed = await call("POST", "/api/v2/statements", { statement: `ALTER IMAGE REPOSITORY ${DB}.PUBLIC.RELEASES RENAME TO RELEASES_V2` });
    expect(renamed.status).toBe(422);
    expect((await call("GET", `${REPOSITORIES}/RELEASES`)).status).toBe(200);
  });
});

describe("names", () => {
  test("quoted names are refused at check, before anything is sent", async () => {
    emulator.clearRequestLog();
    const { failures } = await engine().check({}, { ...ids('"Mixed Case"') });
    expect(failures).toEqual([expect.objectContaining({ property: "name", reason: expect.stringMatching(/do not support quoted/) })]);
    expect(emulator.requestLog).toEqual([]);
  });

  test("the emulator refuses them too, as CREATE IMAGE REPOSITORY's docs say", async () => {
    const refused = await call("POST", REPOSITORIES, { name: '"lower"' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/must be unquoted/);
  });

  test("delete removes the repository", async () => {
    const { outs } = await engine().create({ ...ids("SHORT_LIVED") });
    await engine().delete("IR_DB.PUBLIC.SHORT_LIVED", outs);
    expect((await call("GET", `${REPOSITORIES}/SHORT_LIVED`)).status).toBe(404);
  });
});

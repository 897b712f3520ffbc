// The generated wire models (provider/wire) load, parse what Snowflake sends, expose the key lists the mapper
// relies on, carry none of the spec's prose, and match what the generator produces from the specs today.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

import { findStaleWireModels, generateWireModels } from "../provider/codegen/generate-wire-models";
import { SpecDirectoryNotFoundError, resolveSpecsDir, wireModelsDir } from "../provider/codegen/locations";
import { common, computePool, database, schema, service, table, task, warehouse } from "../provider/wire";

const WIRE_DIR = wireModelsDir();
const generatedSources = () =>
  fs
    .readdirSync(WIRE_DIR)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({ file, source: fs.readFileSync(path.join(WIRE_DIR, file), "utf8") }));

describe("warehouse wire model", () => {
  const asReturnedByGet = {
    name: "COMPUTE_WH",
    warehouse_size: "XSMALL",
    auto_suspend: 600,
    auto_resume: "true",
    initially_suspended: "false",
    enable_query_acceleration: "false",
    state: "SUSPENDED",
    created_on: "2024-01-01T00:00:00.000-08:00",
    owner: "SYSADMIN",
    some_field_added_later: 42,
  };

  it("parses string booleans and keeps fields the spec doesn't declare", () => {
    const parsed = warehouse.Warehouse.parse(asReturnedByGet);
    expect(parsed.auto_resume).toBe("true");
    expect(parsed.some_field_added_later).toBe(42);
  });

  it("rejects a JSON boolean for the string-typed booleans (the mapper converts)", () => {
    expect(warehouse.Warehouse.safeParse({ ...asReturnedByGet, auto_resume: true }).success).toBe(false);
    expect(warehouse.Warehouse.safeParse({ ...asReturnedByGet, auto_resume: "yes" }).success).toBe(false);
  });

  it("has a strict twin that reports undeclared fields", () => {
    const result = warehouse.WarehouseStrict.safeParse(asReturnedByGet);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["some_field_added_later"] }),
    ]);
    const { some_field_added_later: _undeclared, ...declaredOnly } = asReturnedByGet;
    expect(warehouse.WarehouseStrict.safeParse(declaredOnly).success).toBe(true);
  });

  it("does not validate timestamps more strictly than Snowflake (date-time is a plain string)", () => {
    expect(
      warehouse.Warehouse.safeParse({ ...asReturnedByGet, created_on: "2024-01-01 00:00:00.000 -0800" }).success
    ).toBe(true);
  });

  it("requires name", () => {
    expect(warehouse.Warehouse.safeParse({ auto_resume: "true" }).success).toBe(false);
  });
});

describe("key lists", () => {
  it("lists read-only fields so the mapper never sends them", () => {
    expect(warehouse.Warehouse_READ_ONLY).toEqual(expect.arrayContaining(["state", "created_on", "owner"]));
    expect(warehouse.Warehouse_READ_ONLY).not.toContain("auto_resume");
    expect(database.Database_READ_ONLY).toEqual(expect.arrayContaining(["created_on", "owner"]));
    expect(computePool.ComputePool_READ_ONLY).toEqual(expect.arrayContaining(["state", "created_on"]));
  });

  it("lists required fields, properties as on the wire (snake_case), and write-only ones", () => {
    for (const required of [warehouse.Warehouse_REQUIRED, database.Database_REQUIRED, schema.Schema_REQUIRED]) {
      expect(required).toContain("name");
    }
    expect(task.Task_REQUIRED).toEqual(["name", "definition"]);
    expect(warehouse.Warehouse_PROPERTIES).toEqual(expect.arrayContaining(["name", "auto_resume", "warehouse_size"]));
    expect(service.Service_WRITE_ONLY).toContain("spec");
  });

  it("keeps spec-required write-only fields in _REQUIRED but lets a GET response without them parse", () => {
    expect(service.Service_REQUIRED).toEqual(expect.arrayContaining(["name", "compute_pool", "spec"]));
    expect(service.Service.safeParse({ name: "SVC", compute_pool: "POOL", status: "RUNNING" }).success).toBe(true);
  });
});

describe("Identifier (intended grammar, not the spec's loose pattern)", () => {
  it.each(["ABC", "a_b$1", '"my db"', '"a""b"', "_x"])("accepts %s", (name) => {
    expect(common.Identifier.safeParse(name).success).toBe(true);
  });

  it.each(["1abc", "a-b", '"unterminated', "", '"a"b"', "my db"])("rejects %s", (name) => {
    expect(common.Identifier.safeParse(name).success).toBe(false);
  });

  it("is what models use for names", () => {
    expect(warehouse.Warehouse.safeParse({ name: "a-b" }).success).toBe(false);
  });
});

describe("discriminated unions", () => {
  it("dispatches Task schedules on schedule_type", () => {
    const cron = { schedule_type: "CRON_TYPE", cron_expr: "0 * * * *", timezone: "UTC" };
    expect(task.TaskSchedule.parse(cron)).toEqual(cron);
    expect(task.TaskSchedule.safeParse({ schedule_type: "MINUTES_TYPE", minutes: 5 }).success).toBe(true);
    expect(
      task.TaskSchedule.safeParse({ schedule_type: "MINUTES_TYPE", cron_expr: "x", timezone: "UTC" }).success
    ).toBe(false);
    expect(task.TaskSchedule.safeParse({ minutes: 5 }).success).toBe(false);
  });

  it("does not require the tag where a variant is used on its own", () => {
    const minimal = { name: "T", definition: "SELECT 1", target_completion_interval: { minutes: 10 } };
    expect(task.Task.safeParse(minimal).success).toBe(true);
  });

  it("dispatches Service specs on spec_type, and Table constraints on constraint_type", () => {
    expect(service.ServiceSpec.safeParse({ spec_type: "from_inline", spec_text: "spec: {}" }).success).toBe(true);
    expect(service.ServiceSpec.safeParse({ spec_type: "from_file", stage: "@s", spec_file: "spec.yaml" }).success).toBe(
      true
    );
    expect(service.ServiceSpec.safeParse({ spec_type: "from_file", spec_text: "x" }).success).toBe(false);
    const withKeys = {
      name: "T",
      columns: [{ name: "ID", datatype: "NUMBER(38,0)", nullable: false }],
      constraints: [
        { name: "PK", constraint_type: "PRIMARY KEY", column_names: ["ID"] },
        {
          constraint_type: "FOREIGN KEY",
          column_names: ["ID"],
          referenced_table_name: "O",
          referenced_column_names: ["ID"],
        },
      ],
    };
    expect(table.Table.safeParse(withKeys).success).toBe(true);
    expect(table.Table.safeParse({ ...withKeys, constraints: [{ constraint_type: "FOREIGN KEY" }] }).success).toBe(
      false
    );
  });

  it("dispatches common PointOfTime on point_of_time_type", () => {
    expect(common.PointOfTime.safeParse({ point_of_time_type: "offset", reference: "at", offset: "-60" }).success).toBe(
      true
    );
    expect(common.PointOfTime.safeParse({ point_of_time_type: "yesterday" }).success).toBe(false);
  });

  it("has strict twins all the way down", () => {
    const column = { name: "ID", datatype: "NUMBER", undeclared: 1 };
    expect(table.Table.safeParse({ name: "T", columns: [column] }).success).toBe(true);
    const strict = table.TableStrict.safeParse({ name: "T", columns: [column] });
    expect(strict.error?.issues).toEqual([expect.objectContaining({ path: ["columns", 0], keys: ["undeclared"] })]);
  });
});

describe("generated files", () => {
  it("say they are generated, by which script, from which spec commit", () => {
    for (const { file, source } of generatedSources()) {
      expect([file, source.split("\n")[0]]).toEqual([
        file,
        expect.stringContaining("GENERATED by provider/codegen/generate-wire-models.ts"),
      ]);
      expect([file, source]).toEqual([file, expect.stringMatching(/at commit \S+ \(Apache-2\.0\)/)]);
    }
  });

  it("contain none of the spec's description prose", () => {
    for (const { file, source } of generatedSources()) {
      for (const phrase of ["Specifies whether to automatically resume", "full property set", ".describe("]) {
        expect([file, source.includes(phrase)]).toEqual([file, false]);
      }
    }
  });

  it("read nothing at run time (no fs access, no path to the shared specs)", () => {
    for (const { file, source } of generatedSources()) {
      expect([file, /require\(|readFileSync|\.\.\/shared/.test(source)]).toEqual([file, false]);
    }
  });
});

describe("generator", () => {
  const specsDir = resolveSpecsDir();

  it("fails with a clear error when the spec directory is missing", () => {
    expect(() => generateWireModels(path.join(WIRE_DIR, "no-such-specs"))).toThrow(SpecDirectoryNotFoundError);
    expect(() => generateWireModels(path.join(WIRE_DIR, "no-such-specs"))).toThrow(/spec directory not found/);
  });

  // CI has the specs beside the repository; without them the generator must say so rather than pass silently.
  it("is fresh: regenerating from the specs reproduces provider/wire byte for byte", () => {
    if (!fs.existsSync(specsDir)) {
      expect(() => generateWireModels(specsDir)).toThrow(/spec directory not found/);
      return;
    }
    expect(findStaleWireModels(WIRE_DIR, generateWireModels(specsDir))).toEqual([]);
  });

  it("copies no description sentence from any spec", () => {
    if (!fs.existsSync(specsDir)) {
      expect(() => generateWireModels(specsDir)).toThrow(/spec directory not found/);
      return;
    }
    const generated = generatedSources()
      .map(({ source }) => source)
      .join("\n");
    const sentences = new Set<string>();
    for (const file of fs.readdirSync(specsDir).filter((name) => name.endsWith(".yaml"))) {
      JSON.stringify(parse(fs.readFileSync(path.join(specsDir, file), "utf8")), (key, value) => {
        if (key === "description" && typeof value === "string") {
          for (const sentence of value.split(/[.\n]/)) if (sentence.trim().length >= 40) sentences.add(sentence.trim());
        }
        return value;
      });
    }
    expect(sentences.size).toBeGreaterThan(100);
    expect([...sentences].filter((sentence) => generated.includes(sentence))).toEqual([]);
  });
});

// Loads the component schemas of the spec files the provider has wire models for.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

import { SchemaMap } from "./schema-tree";

export const COMMON_SPEC = "common";

/**
 * Not Snowflake objects the provider manages: AI inference (the cortex-* specs but Cortex Search services, which are
 * schema objects) and Spark Connect. (sqlapi: the SQL API's answers.)
 */
export const EXCLUDED_SPEC = /^(cortex-(?!search-service$)|common-cortex-|spark-connect$)/;

export interface SpecDocument {
  /** File name without `.yaml`, e.g. `compute-pool`; also the output module name. */
  name: string;
  schemas: SchemaMap;
}

function loadSpec(specsDir: string, name: string): SpecDocument {
  const document = parse(fs.readFileSync(path.join(specsDir, `${name}.yaml`), "utf8"));
  // structuredClone: the YAML parser may share nodes (anchors), and the quirk fixes mutate in place.
  return { name, schemas: structuredClone(document?.components?.schemas ?? {}) };
}

export function loadCommonSpec(specsDir: string): SpecDocument {
  return loadSpec(specsDir, COMMON_SPEC);
}

/** Every resource spec that defines component schemas, sorted by name (result.yaml, for one, has none). */
export function loadResourceSpecs(specsDir: string): SpecDocument[] {
  return fs
    .readdirSync(specsDir)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .filter((name) => name !== COMMON_SPEC && !EXCLUDED_SPEC.test(name))
    .sort()
    .map((name) => loadSpec(specsDir, name))
    .filter((spec) => Object.keys(spec.schemas).length > 0);
}

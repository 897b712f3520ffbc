// A Snowpark Container Services specification (service.yaml ServiceSpec, written only: GET never returns it): YAML
// text, or the same document as an object we serialize; or a file on a stage. Checked before anything is sent for
// what Snowflake surely refuses (not YAML; no spec.containers, each with a name and an image) and compared by the
// parsed document, so re-indenting the YAML or writing it as an object instead is no change.
import { parse, stringify } from "yaml";
import { literal, qualifiedIdentifier, sql, SqlText } from "../../sql/sql-text";
import { FieldKind } from "../field-kind";
import { qualifiedNameKind, storedParts } from "./names";
import { stagePathKind } from "./stage-paths";
import { objectKind } from "./structures";

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The specification as a document, or why it is not one (the YAML parser's first line: what and where). */
function documentOf(value: unknown): { document: unknown } | { problem: string } {
  if (typeof value !== "string") return { document: value };
  try {
    return { document: parse(value) };
  } catch (error) {
    return { problem: `not valid YAML: ${(error as Error).message.split("\n")[0]}` };
  }
}

/** Service specification reference: a `spec` mapping whose `containers` list names each container and its image. */
function specificationProblem(value: unknown): string | undefined {
  if (typeof value !== "string" && !isMapping(value)) return "neither YAML text nor an object";
  const found = documentOf(value);
  if ("problem" in found) return found.problem;
  const document = found.document;
  if (!isMapping(document)) return "the document is not a mapping with a top-level spec";
  if (!isMapping(document.spec)) return "spec is missing or not a mapping";
  const containers = document.spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) return "spec.containers is missing or empty; a service runs at least one container";
  for (const [index, container] of containers.entries()) {
    if (!isMapping(container) || typeof container.name !== "string" || typeof container.image !== "string") return `spec.containers[${index}] needs a name and an image`;
  }
  const endpoints = document.spec.endpoints;
  if (endpoints !== undefined && (!Array.isArray(endpoints) || endpoints.some((endpoint) => !isMapping(endpoint) || typeof endpoint.name !== "string"))) {
    return "spec.endpoints must be a list of endpoints, each with a name";
  }
  return undefined;
}

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isMapping(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => [key, sortedDeep(item)]));
}

/** The text Snowflake is sent: YAML as given, or the object serialized. */
export function specificationText(value: unknown): string {
  return typeof value === "string" ? value : stringify(value);
}

/** The parsed document of a specification (undefined when it is not valid YAML). */
export function specificationDocument(value: unknown): unknown {
  const found = documentOf(value);
  return "document" in found ? found.document : undefined;
}

/** An inline specification: sent as `{ spec_type: from_inline, spec_text }`, changed by ALTER SERVICE ... FROM SPECIFICATION. */
export function serviceSpecificationKind(): FieldKind {
  return {
    shape: { oneOf: [{ primitive: "string" }, { map: { primitive: "unknown" } }] },
    expected: "a service specification: YAML text, or the same document as an object, with spec.containers (each with a name and an image)",
    problem: specificationProblem,
    // Text that is not YAML (a record of an out-of-band change) stays text, so it differs from any document.
    canonical: (value) => {
      const found = documentOf(value);
      return "document" in found ? sortedDeep(found.document) : value;
    },
    toWire: (value) => ({ spec_type: "from_inline", spec_text: specificationText(value) }),
    fromWire: (value) => value,
    toSql: (value) => literal(specificationText(value)),
  };
}

/** A stage named as `DB.SCHEMA.STAGE` (or shorter), with or without the leading `@` SQL writes. */
function stageReferenceKind(): FieldKind {
  const names = qualifiedNameKind(3, { what: "the stage" });
  const bare = (value: unknown) => (typeof value === "string" ? value.trim().replace(/^@/, "") : value);
  return {
    ...names,
    expected: `${names.expected}, with or without a leading @`,
    problem: (value) => names.problem(bare(value)),
    canonical: (value) => names.canonical(bare(value)),
    toWire: (value) => `@${names.toWire(bare(value))}`,
    toSql: (value) => sql`@${qualifiedIdentifier(storedParts(String(bare(value))))}`,
  };
}

const stageReference = stageReferenceKind();

/** A specification file on a stage: sent as `{ spec_type: from_file, stage, spec_file }`. */
export function serviceSpecificationFileKind(): FieldKind {
  return objectKind(
    {
      name: "ServiceSpecificationFile",
      doc: "A service specification file on an internal stage.",
      fields: {
        stage: { wire: "stage", kind: stageReference, doc: "The internal stage holding the file, e.g. `DB.SCHEMA.SPECS` (or `@DB.SCHEMA.SPECS`).", required: true },
        path: { wire: "spec_file", kind: stagePathKind(), doc: "The file's path in the stage, e.g. `nginx/spec.yaml`.", required: true },
      },
    },
    { wireExtras: () => ({ spec_type: "from_file" }) },
  );
}

/** ALTER SERVICE ... FROM SPECIFICATION '<text>' (ALTER SERVICE docs). */
export function fromSpecification(value: unknown): SqlText {
  return sql`FROM SPECIFICATION ${literal(specificationText(value))}`;
}

/** ALTER SERVICE ... FROM @<stage> SPECIFICATION_FILE = '<path>' (ALTER SERVICE docs). */
export function fromSpecificationFile(value: unknown): SqlText {
  const file = value as { stage: string; path: string };
  return sql`FROM ${stageReference.toSql(file.stage)} SPECIFICATION_FILE = ${literal(file.path)}`;
}

/** Whether a specification declares block storage volumes (service specification reference: `source: block`). */
export function declaresBlockVolumes(value: unknown): boolean {
  const document = specificationDocument(value);
  const volumes = isMapping(document) && isMapping(document.spec) ? document.spec.volumes : undefined;
  return Array.isArray(volumes) && volumes.some((volume) => isMapping(volume) && String(volume.source).toLowerCase() === "block");
}


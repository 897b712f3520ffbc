// Service specifications (service.yaml ServiceSpec; "Service specification reference" docs): the YAML text a service
// runs from, given inline (from_inline, spec_text) or as a file on an internal stage (from_file, stage + spec_file).
// Snowflake reads the text when the service is created or altered; the emulator keeps that text (a file changed on
// the stage later does not change a running service) and checks the parts it acts on: containers and endpoints.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { type Container, storedPath } from "../catalog/catalog";
import { badRequest } from "../errors";
import { formatIdentifier } from "../identifiers";
import { parseStageReference } from "../sql/stage-commands";
import { SqlError } from "../sql/tokens";
import { findStage, readStagedFile, stageDefaultsOf } from "../stage-files";
import type { AccountState } from "../state";

export interface SpecContainer { name: string; image: string }
export interface SpecEndpoint { name: string; port?: number; portRange?: string; protocol: string; public: boolean }

/** What the emulator keeps of a service's specification: the text as read, its digest, the parts it acts on. */
export interface DeployedSpec {
  text: string;
  /** SHOW SERVICES spec_digest: here the sha256 hex of the text (the format of Snowflake's digest is not confirmed). */
  digest: string;
  containers: SpecContainer[];
  endpoints: SpecEndpoint[];
}

type SpecSource = { spec_type?: string; spec_text?: string; stage?: string; spec_file?: string };

// Service specification reference: the top-level fields. `spec` is required; `serviceRoles`, `capabilities` and
// `platformMonitor` are the optional ones as we recall the current page (the excerpts read show only `spec`: not
// confirmed). Anything else is refused, as a typo in a YAML key would otherwise be silently ignored.
const TOP_LEVEL_FIELDS = ["spec", "serviceRoles", "capabilities", "platformMonitor"];
// Service specification reference, spec.endpoints: protocol is TCP, HTTP or HTTPS, HTTP when left out.
const PROTOCOLS = ["TCP", "HTTP", "HTTPS"];
const PORT_RANGE = /^(\d+)-(\d+)$/;

const invalid = (detail: string) => badRequest(`Invalid service specification: ${detail}`);
const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkPort(port: unknown, where: string): number {
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) throw invalid(`${where} must be a TCP port number (1-65535), not ${JSON.stringify(port)}.`);
  return port as number;
}

function readContainers(value: unknown): SpecContainer[] {
  // Service specification reference: spec.containers is the (required) list of containers, each with a name and
  // an image.
  if (value === undefined) throw invalid("spec.containers is required: a service runs at least one container.");
  if (!Array.isArray(value) || value.length === 0) throw invalid("spec.containers must be a non-empty list of containers.");
  const containers = value.map((container, index) => {
    if (!isMapping(container)) throw invalid(`spec.containers[${index}] must be a mapping with name and image.`);
    for (const field of ["name", "image"]) {
      if (typeof container[field] !== "string" || container[field] === "") throw invalid(`spec.containers[${index}].${field} is required (a string).`);
    }
    return { name: container.name as string, image: container.image as string };
  });
  const names = containers.map((container) => container.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  // Not confirmed: the reference does not say so in the parts read, but container names identify containers in
  // SHOW SERVICE CONTAINERS and logs, so two containers cannot share one.
  if (repeated !== undefined) throw invalid(`spec.containers has two containers named '${repeated}'.`);
  return containers;
}

function readEndpoint(endpoint: unknown, index: number): SpecEndpoint {
  const where = `spec.endpoints[${index}]`;
  if (!isMapping(endpoint)) throw invalid(`${where} must be a mapping with name and port (or portRange).`);
  if (typeof endpoint.name !== "string" || endpoint.name === "") throw invalid(`${where}.name is required (a string).`);
  // Service specification reference: "specify this or portRange" -- one of port and portRange, not both.
  if ((endpoint.port === undefined) === (endpoint.portRange === undefined)) throw invalid(`${where} needs exactly one of port and portRange.`);
  const result: SpecEndpoint = { name: endpoint.name, protocol: "HTTP", public: false };
  if (endpoint.port !== undefined) result.port = checkPort(endpoint.port, `${where}.port`);
  else {
    const range = PORT_RANGE.exec(String(endpoint.portRange));
    if (!range || checkPort(Number(range[1]), `${where}.portRange`) > checkPort(Number(range[2]), `${where}.portRange`)) {
      throw invalid(`${where}.portRange must be <TCP port-num>-<TCP port-num>, lowest first, not ${JSON.stringify(endpoint.portRange)}.`);
    }
    result.portRange = `${range[1]}-${range[2]}`;
  }
  if (endpoint.protocol !== undefined) {
    const protocol = String(endpoint.protocol).toUpperCase();
    if (!PROTOCOLS.includes(protocol)) throw invalid(`${where}.protocol must be one of ${PROTOCOLS.join(", ")}, not ${JSON.stringify(endpoint.protocol)}.`);
    result.protocol = protocol;
  }
  if (endpoint.public !== undefined && typeof endpoint.public !== "boolean") throw invalid(`${where}.public must be true or false.`);
  result.public = endpoint.public === true;
  return result;
}

function readEndpoints(value: unknown): SpecEndpoint[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid("spec.endpoints must be a list of endpoints.");
  const endpoints = value.map(readEndpoint);
  const names = endpoints.map((endpoint) => endpoint.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw invalid(`spec.endpoints has two endpoints named '${repeated}'.`);
  return endpoints;
}

/** Parses and checks specification text (Service specification reference: YAML with a top-level `spec`). */
export function parseSpecText(text: string): DeployedSpec {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw invalid(`the text is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!isMapping(document)) throw invalid("the text must be a YAML mapping with a top-level 'spec'.");
  const unknown = Object.keys(document).find((key) => !TOP_LEVEL_FIELDS.includes(key));
  if (unknown !== undefined) throw invalid(`unknown top-level field '${unknown}' (expected ${TOP_LEVEL_FIELDS.join(", ")}).`);
  if (!isMapping(document.spec)) throw invalid("the top-level field 'spec' is required and must be a mapping.");
  return {
    text,
    digest: createHash("sha256").update(text).digest("hex"),
    containers: readContainers(document.spec.containers),
    endpoints: readEndpoints(document.spec.endpoints),
  };
}

/**
 * The text of a from_file specification: service.yaml ServiceSpecStageFile `stage` names a Snowflake internal stage
 * ("for example, @tutorial_stage"; the leading @ is optional here), unqualified names taking the service's database
 * and schema, and `spec_file` the file's path on it.
 */
function stageFileText(source: SpecSource, parent: Container, account: AccountState): string {
  const written = String(source.stage);
  let reference;
  try {
    reference = parseStageReference(written.startsWith("@") ? written : `@${written}`);
  } catch (error) {
    if (error instanceof SqlError) throw badRequest(`Invalid stage ${JSON.stringify(written)} in the service specification: expected @<stage>, @<schema>.<stage> or @<db>.<schema>.<stage>.`);
    throw error;
  }
  const stage = findStage(reference, stageDefaultsOf(parent, account));
  const shown = storedPath(stage).map(formatIdentifier).join(".");
  // CREATE SERVICE docs: FROM @<stage> names an internal stage (specification files live on Snowflake's storage).
  if (stage.values.url !== undefined) throw badRequest(`Stage ${shown} is an external stage: a service specification file must be on an internal stage.`);
  const text = readStagedFile(stage, String(source.spec_file));
  // Not confirmed: the wording of Snowflake's error for a missing specification file.
  if (text === undefined) throw badRequest(`Service specification file '${source.spec_file}' does not exist on stage ${shown}.`);
  return text;
}

/** Reads and checks the specification a service body or ALTER SERVICE ... FROM names. */
export function readSpec(source: SpecSource, parent: Container, account: AccountState): DeployedSpec {
  const text = source.spec_type === "from_file" ? stageFileText(source, parent, account) : String(source.spec_text);
  return parseSpecText(text);
}

// Image repositories (image-repository.yaml; CREATE / ALTER / DROP IMAGE REPOSITORY, SHOW IMAGE REPOSITORIES, SHOW
// IMAGES IN IMAGE REPOSITORY docs; "Working with an image registry and repository" docs for the registry URL).
// The REST model has no settable property but the name, so everything here is derived or said over SQL.
import type { CatalogObject, Container } from "../catalog/catalog";
import { isObject, storedPath } from "../catalog/catalog";
import type { ObjectKind } from "../catalog/object-kind";
import { badRequest, ErrorCodes } from "../errors";
import { ok } from "../http";
import { targetOf } from "../rest/handlers";
import type { AlterClause } from "../sql/alter";
import { SqlError } from "../sql/tokens";
import type { AccountState } from "../state";
import * as wire from "../../../provider/wire/image-repository";

/**
 * The emulator has accounts, not organizations (EmulatorAccountOptions holds only a name). An account named in
 * Snowflake's `<org>-<account>` form (e.g. "myorg-myaccount", as SNOWFLAKE_ACCOUNT is written) gives its own
 * organization; any other name (the default EMULATOR) is taken to belong to this organization.
 */
export const EMULATOR_ORGANIZATION = "EMULATORORG";

/**
 * Registry docs: the hostname is `<orgname>-<acctname>.registry.snowflakecomputing.com`, "always all lowercase", and
 * an underscore in the account name becomes a dash ("underscores are not valid in a URL"). The repository URL adds
 * `/<db>/<schema>/<repository>` in lower case (the docs' examples: `.../tutorial_db/data_schema/tutorial_repository`).
 */
export function registryHost(account: AccountState): string {
  return `${organizationAccountLabel(account)}.registry.snowflakecomputing.com`;
}

/** `<orgname>-<acctname>` in lower case with dashes for underscores, as hostnames carry it (registry, ingress). */
export function organizationAccountLabel(account: AccountState): string {
  const accountPart = account.name.split(".")[0];
  const identifier = accountPart.includes("-") ? accountPart : `${EMULATOR_ORGANIZATION}-${accountPart}`;
  return identifier.toLowerCase().replace(/_/g, "-");
}

export function repositoryUrl(object: CatalogObject, account: AccountState): string {
  return [registryHost(account), ...storedPath(object).map((part) => part.toLowerCase())].join("/");
}

// CREATE IMAGE REPOSITORY docs: "Quoted names for special characters or case-sensitive names are not supported.
// The same constraint also applies to database and schema names". What Snowflake answers is not confirmed; the
// emulator refuses with a 400 naming the identifier.
const PLAIN_STORED_NAME = /^[A-Z_][A-Z0-9_$]*$/;
function refuseQuotedNames(name: string, parent: Container): void {
  const names = [...(isObject(parent) ? storedPath(parent) : []), name];
  const quoted = names.find((part) => !PLAIN_STORED_NAME.test(part));
  if (quoted !== undefined) throw badRequest(`SQL compilation error:\nImage repository identifiers must be unquoted: '${quoted}' is a quoted or case-sensitive name.`);
}

// The comment is not in image-repository.yaml's model, so it cannot be a wire value: it is kept as a fact (tests
// read it with factsOf), set and unset only by ALTER IMAGE REPOSITORY ... SET COMMENT = '...' / UNSET COMMENT
// (ALTER IMAGE REPOSITORY docs). Snowflake's REST snapshot does not report it either.
const commentClauses: AlterClause[] = [
  {
    read(stream) {
      if (!stream.accept("SET", "COMMENT")) return undefined;
      stream.expectSymbol("=");
      const comment = stream.string();
      return (object) => { object.facts.comment = comment; };
    },
  },
  {
    read(stream) {
      if (!stream.accept("UNSET", "COMMENT")) return undefined;
      return (object) => { delete object.facts.comment; };
    },
  },
  {
    // ALTER IMAGE REPOSITORY docs list SET / UNSET of COMMENT and TAG only: there is no RENAME TO.
    read(stream) {
      if (!stream.accept("RENAME")) return undefined;
      throw new SqlError(ErrorCodes.sqlCompilation, "42601", "SQL compilation error:\nsyntax error: ALTER IMAGE REPOSITORY has no RENAME TO.");
    },
  },
];

export const imageRepositoryKind: ObjectKind = {
  spec: "image-repository",
  model: "ImageRepository",
  objectType: "Image repository",
  sqlType: "IMAGE REPOSITORY",
  parameterLevel: "IMAGE REPOSITORY",
  collection: "image-repositories",
  scope: "schema",
  wire: { strict: wire.ImageRepositoryStrict, properties: wire.ImageRepository_PROPERTIES, readOnly: wire.ImageRepository_READ_ONLY, writeOnly: wire.ImageRepository_WRITE_ONLY },
  accept(values, { parent }) {
    refuseQuotedNames(values.name as string, parent);
    return values;
  },
  render: (object, { account }) => ({ repository_url: repositoryUrl(object, account) }),
  sqlClauses: commentClauses,
  // listImagesInRepository: images arrive only by `docker push` to the registry, which the emulator does not run,
  // so every repository lists no images (an empty array of image-repository.yaml Image).
  operations: {
    "GET /images": (kind, context) => {
      targetOf(kind, context);
      return ok([]);
    },
  },
};

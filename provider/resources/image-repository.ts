// image-repository.yaml components/schemas/ImageRepository: a registry of OCI images for Snowpark Container
// Services. The REST model's only settable property is the name; there is no PUT and no :rename.
// - comment: CREATE IMAGE REPOSITORY takes COMMENT, but the REST model has no `comment`, so it is set right after
//   creation and changed by ALTER IMAGE REPOSITORY ... SET COMMENT / UNSET COMMENT (ALTER IMAGE REPOSITORY docs).
//   Snowflake's REST snapshot does not report it, so it is compared with the declaration only.
// - encryption: CREATE IMAGE REPOSITORY's ENCRYPTION = ( TYPE = 'SNOWFLAKE_FULL' | 'SNOWFLAKE_SSE' ) is not in the
//   REST model either, and "You cannot change the encryption type after you create the image repository" (CREATE
//   IMAGE REPOSITORY docs), so no ALTER can set it after a REST create: not offered (Snowflake's default applies;
//   the docs disagree between languages on which default that is).
// - name: ALTER IMAGE REPOSITORY has no RENAME TO, so a new name is a new repository, which starts without the
//   images pushed to the old one: refused unless allowReplace.
// - Quoted names: "Quoted names for special characters or case-sensitive names are not supported", for the
//   repository and the database and schema it is created in (CREATE IMAGE REPOSITORY docs): refused at check.
import { defineResource } from "../engine/define";
import { textKind } from "../engine/kinds/scalars";
import { sql } from "../sql/sql-text";
import * as wire from "../wire/image-repository";
import { commentField, nameField, output, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const IDENTITY = ["database", "schema", "name"] as const;

export const imageRepository = defineResource({
  typeName: "ImageRepository",
  noun: "image repository",
  doc: "An image repository for Snowpark Container Services images; push to `repositoryUrl`, e.g. `${repositoryUrl}/nginx:latest` in a service specification (REST: .../schemas/{schema}/image-repositories).",
  collectionPath: schemaObjectPath("image-repositories"),
  changes: "sql",
  sqlObjectType: "IMAGE REPOSITORY",
  tags: true,
  dataBearing: { loses: "the images pushed to it" },
  fields: {
    ...schemaObjectIdentity("image repository"),
    name: { ...nameField("image repository"), doc: "Name of the image repository, unquoted (Snowflake upper-cases it; quoted names are not supported). Default: derived from the resource name. No rename: a change means a new image repository." },
    comment: commentField("image repository", {
      doc: "Comment on the image repository. Set by ALTER IMAGE REPOSITORY; Snowflake's REST snapshot does not report it, so it is compared with the declaration only.",
      writeOnly: true,
      body: "never",
      sql: { property: "COMMENT", unset: sql`UNSET COMMENT` },
    }),
  },
  outputs: {
    repositoryUrl: output("repository_url", textKind(), "Where images are pushed and pulled: `<org>-<account>.registry.snowflakecomputing.com/<db>/<schema>/<repository>`, all lower case."),
    ownerRoleType: output("owner_role_type", textKind(), "Type of the role that owns the image repository (ROLE or DATABASE_ROLE)."),
    ...ownershipOutputs("image repository"),
  },
  crossChecks: (properties) =>
    IDENTITY.filter((key) => typeof properties[key] === "string" && (properties[key] as string).trim().startsWith('"'))
      .map((key) => ({ property: key, reason: "image repositories do not support quoted (case-sensitive) names, for the repository, its database or its schema; use an unquoted name" })),
  wire: { schema: wire.ImageRepository, properties: wire.ImageRepository_PROPERTIES, readOnly: wire.ImageRepository_READ_ONLY },
});

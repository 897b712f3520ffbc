// artifact-repository.yaml components/schemas/ArtifactRepository: a package repository (PyPI) that Python UDFs,
// procedures and notebooks install packages from, through an API integration. PUT create-or-alter changes it;
// :rename renames it. The type (PIP, the only one) and the integration are fixed here: ALTER ARTIFACT REPOSITORY
// (docs) sets only the comment, so a change of either means a new repository.
import { defineResource } from "../engine/define";
import { identifierKind } from "../engine/kinds/names";
import { choiceKind, enumType } from "../engine/kinds/scalars";
import * as wire from "../wire/artifact-repository";
import { commentField, field, ownershipOutputs, schemaObjectIdentity, schemaObjectPath } from "./common";

const REPOSITORY_TYPE = enumType("ArtifactRepositoryType", "The kind of package repository.", ["PIP"]);

export const artifactRepository = defineResource({
  typeName: "ArtifactRepository",
  noun: "artifact repository",
  doc: "An artifact repository: lets Python code install packages from PyPI through an API integration (REST: .../schemas/{schema}/artifact-repositories).",
  collectionPath: schemaObjectPath("artifact-repositories"),
  changes: "put",
  sqlObjectType: "ARTIFACT REPOSITORY",
  rename: "restQuery",
  fields: {
    ...schemaObjectIdentity("artifact repository"),
    type: field("type", choiceKind(REPOSITORY_TYPE), "PIP (the only type; default).", { immutable: true, serverDefault: "PIP" }),
    apiIntegration: field("api_integration", identifierKind(), "The API integration the repository reaches PyPI through. A change means a new repository.", { required: true, immutable: true }),
    comment: commentField("artifact repository"),
  },
  bodyDefaults: { type: "PIP" },
  outputs: ownershipOutputs("artifact repository"),
  wire: { schema: wire.ArtifactRepository, properties: wire.ArtifactRepository_PROPERTIES, readOnly: wire.ArtifactRepository_READ_ONLY },
});

// Views (view.yaml; CREATE VIEW docs). No PUT: a view changes by CREATE OR REPLACE VIEW (COPY GRANTS keeps its
// grants) and is renamed with ALTER VIEW ... RENAME TO.
import * as wire from "../../../provider/wire/view";
import type { ObjectKind } from "../catalog/object-kind";
import { formatIdentifier, parseIdentifier } from "../identifiers";
import { requireQuery } from "./dynamic-table";

interface ViewColumn { name: string; comment?: string }

export const viewKind: ObjectKind = {
  spec: "view",
  model: "View",
  objectType: "View",
  sqlType: "VIEW",
  parameterLevel: "VIEW",
  collection: "views",
  scope: "schema",
  namespace: "relations",
  wire: { strict: wire.ViewStrict, properties: wire.View_PROPERTIES, readOnly: wire.View_READ_ONLY, writeOnly: wire.View_WRITE_ONLY },
  // CREATE VIEW docs: SECURE and RECURSIVE are off unless given; kind PERMANENT.
  defaults: { secure: false, recursive: false, kind: "PERMANENT" },
  accept(values) {
    requireQuery(values.query);
    values.columns = (values.columns as ViewColumn[]).map((column) => ({ ...column, name: parseIdentifier(column.name, "ViewColumn.name") }));
    return values;
  },
  // ALTER VIEW docs: SET / UNSET SECURE and COMMENT, one property per statement.
  sqlProperties: { COMMENT: { wire: "comment", value: "string", unset: true } },
  render(object) {
    return { columns: (object.values.columns as ViewColumn[]).map((column) => ({ ...column, name: formatIdentifier(column.name) })) };
  },
};

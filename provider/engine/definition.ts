// A resource type is data: this declaration is everything the generic engine needs to check, diff, create, read,
// update and delete objects of that type through the REST API.
import { z } from "zod";

export interface FieldDefinition {
  /** Property name on the wire (snake_case). The Pulumi property is the camelCase key of `fields`. */
  wire: string;
  /** What users may write. check reports a violation as "<property>: <value> is not allowed; expected <expected>". */
  input: z.ZodType;
  /** Human words for what `input` allows, e.g. "an integer >= 0" or "one of XSMALL, SMALL, ...". */
  expected: string;
  /** Maps the declared value to the wire value (default: as is). */
  toWire?: (value: unknown) => unknown;
  /** Maps the wire value to the Pulumi value (default: as is). */
  fromWire?: (value: unknown) => unknown;
  /**
   * The form two values are compared in, so that different spellings of one setting never show as a diff
   * (`analytics` vs `ANALYTICS`, `x-small` vs `XSMALL`, "" vs no comment). Default: as is.
   */
  canonical?: (value: unknown) => unknown;
  /** What Snowflake uses when the property is not set; removing a declared value equal to it changes nothing. */
  serverDefault?: unknown;
  /** Cannot be changed on an existing object: a change replaces it. */
  immutable?: boolean;
  /** Only acts at creation (e.g. initially_suspended): sent on create, never compared afterwards. */
  createOnly?: boolean;
  /** Never returned by Snowflake (secrets, specifications): state keeps the declared value. */
  writeOnly?: boolean;
  /** Part of the object's identity (its own name or a container's): goes into the path, not the body. */
  identity?: "name" | "parent";
}

export interface ResourceDefinition {
  /** Pulumi type name, e.g. "Warehouse" (token pulumi-nodejs:dynamic/snowflake:Warehouse). */
  typeName: string;
  /** Words for messages, e.g. "warehouse". */
  noun: string;
  /**
   * Collection path with `{property}` placeholders for the parent identity properties, e.g.
   * "/api/v2/databases/{database}/schemas". The object path is the collection path plus "/{name}".
   */
  collectionPath: string;
  /** Whether the API has PUT create-or-alter (full property set). Without it every change is a replacement. */
  createOrAlter: boolean;
  /** Declared properties keyed by their Pulumi (camelCase) name. */
  fields: Record<string, FieldDefinition>;
  /** Read-only properties reported as outputs: Pulumi name -> wire name. */
  outputs: Record<string, string>;
  /** Generated zod model of the wire snapshot; answers that do not fit are reported, not guessed at. */
  wireModel: z.ZodType;
  /** Wire properties only Snowflake sets (generated from the spec's readOnly flags); never sent. */
  readOnlyWire: readonly string[];
}

/** Inputs every resource takes besides its own fields. */
export const COMMON_INPUTS = ["adoptExisting", "connection"] as const;

/** Outputs every resource has besides its read-only ones: its qualified name and the account it lives in. */
export const COMMON_OUTPUTS = ["fullyQualifiedName", "account"] as const;

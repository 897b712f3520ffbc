// Warehouse size vocabulary (warehouse.yaml Warehouse.warehouse_size; CREATE WAREHOUSE docs "Valid values").
import { badRequest } from "./errors";

// CREATE WAREHOUSE docs: supported values and their synonyms; Snowflake stores the canonical token.
const SIZE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  XSMALL: ["X-SMALL"],
  SMALL: [],
  MEDIUM: [],
  LARGE: [],
  XLARGE: ["X-LARGE"],
  XXLARGE: ["X2LARGE", "2X-LARGE"],
  XXXLARGE: ["X3LARGE", "3X-LARGE"],
  X4LARGE: ["4X-LARGE"],
  X5LARGE: ["5X-LARGE"],
  X6LARGE: ["6X-LARGE"],
};

export const WAREHOUSE_SIZES = Object.keys(SIZE_SYNONYMS);

/** Maps any accepted spelling (case-insensitive) to the canonical size; 400 otherwise. */
export function normalizeWarehouseSize(model: string, field: string, value: string, allowed = WAREHOUSE_SIZES): string {
  const upper = value.trim().toUpperCase();
  const canonical = WAREHOUSE_SIZES.find((size) => size === upper || SIZE_SYNONYMS[size].includes(upper));
  if (!canonical || !allowed.includes(canonical)) {
    throw badRequest(
      `Invalid value '${value}' for field '${field}' in ${model}: expected one of ${allowed.join(", ")}.`
    );
  }
  return canonical;
}

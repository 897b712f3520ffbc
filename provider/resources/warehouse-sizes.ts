// Warehouse sizes (CREATE WAREHOUSE docs, WAREHOUSE_SIZE): canonical tokens and the spellings Snowflake also accepts.
export const WAREHOUSE_SIZES = ["XSMALL", "SMALL", "MEDIUM", "LARGE", "XLARGE", "XXLARGE", "XXXLARGE", "X4LARGE", "X5LARGE", "X6LARGE"] as const;

export const WAREHOUSE_SIZE_ALIASES: Record<string, string> = {
  "X-SMALL": "XSMALL",
  "X-LARGE": "XLARGE",
  X2LARGE: "XXLARGE",
  "2X-LARGE": "XXLARGE",
  X3LARGE: "XXXLARGE",
  "3X-LARGE": "XXXLARGE",
  "4X-LARGE": "X4LARGE",
  "5X-LARGE": "X5LARGE",
  "6X-LARGE": "X6LARGE",
};

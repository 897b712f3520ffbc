// @acme/snowflake-data-products: the components Acme's stacks build their Snowflake data products from.
export { DATA_PRODUCT_TYPE, DataProduct, DataProductArgs } from "./data-product";

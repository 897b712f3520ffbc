// A data product: one database with its schemas, a warehouse to query it, three account roles (reader < writer <
// admin) with the grants each needs, and a service user that loads data as the writer. Everything is named after
// the product (ANALYTICS, ANALYTICS_WH, ANALYTICS_READER, ...) and is a child of the component, so a stack can hold
// several products and removing one removes all of it.
import * as pulumi from "@pulumi/pulumi";
import * as snowflake from "pulumi-snowflake-dynamic";

/**
 * The component's type token. Part of every child's URN: changing it (or moving the class to another package)
 * would make Pulumi replace every object of every product, unless the old token is given as an alias (README).
 */
export const DATA_PRODUCT_TYPE = "acme:snowflake:DataProduct";

/** Table privileges of the writer role, on the tables that exist and on those created later. */
const WRITE_PRIVILEGES = ["INSERT", "UPDATE", "DELETE", "TRUNCATE"];

export interface DataProductArgs {
  /**
   * The product's Snowflake name, a plain identifier (letters, digits, `_`): the database is called this, and it
   * prefixes the rest (`<NAME>_WH`, `<NAME>_READER`, `<NAME>_WRITER`, `<NAME>_ADMIN`, `<NAME>_SVC`). Upper-cased.
   * Default: the component's name with anything else turned into `_`.
   */
  name?: string;
  /** Schemas of the database, by name (plain identifiers). Each gets the reader, writer and admin grants. */
  schemas: string[];
  /** Size of the product's warehouse. Default XSMALL. */
  warehouseSize?: pulumi.Input<snowflake.WarehouseSize>;
  /** Seconds of inactivity after which the warehouse suspends. Default 60. */
  autoSuspendSeconds?: pulumi.Input<number>;
  /**
   * Existing account roles that get read access: the reader role is granted to each. A role given as a plain
   * string is keyed by its name, so adding or removing one touches only its own grant; one given as an Output
   * (e.g. `role.name`) is keyed by its position among the Outputs.
   */
  readers?: pulumi.Input<string>[];
  /**
   * RSA public key (PEM or its base64 body) the service user logs in with. The service user is a SERVICE user:
   * key pair only, no password.
   */
  serviceUserPublicKey: pulumi.Input<string>;
  /**
   * Account role the admin role is granted to, so the product's roles roll up into the account's hierarchy
   * (Snowflake recommends SYSADMIN). Default: none.
   */
  adminRoleGrantedTo?: pulumi.Input<string>;
  /** Comment on the database, warehouse, roles and user. Default: "Data product <NAME>". */
  comment?: pulumi.Input<string>;
  /**
   * Let a destroy drop the database and schemas with tables made outside the stack (by pipelines) still in them.
   * Default false: the delete is refused and names them.
   */
  forceDestroy?: boolean;
  /** Connection for every object of the product, e.g. `{ profile: "dr" }` for a second account. */
  connection?: pulumi.Input<snowflake.ConnectionArgs>;
}

export class DataProduct extends pulumi.ComponentResource {
  /** The database, named after the product. */
  readonly databaseName: pulumi.Output<string>;
  /** The product's warehouse (`<NAME>_WH`). */
  readonly warehouseName: pulumi.Output<string>;
  /** Role with USAGE on the database, schemas and warehouse and SELECT on every table (`<NAME>_READER`). */
  readonly readerRole: pulumi.Output<string>;
  /** The reader's privileges plus INSERT, UPDATE, DELETE and TRUNCATE on every table (`<NAME>_WRITER`). */
  readonly writerRole: pulumi.Output<string>;
  /** The writer's privileges plus ALL on the schemas (`<NAME>_ADMIN`). */
  readonly adminRole: pulumi.Output<string>;
  /** The service user (`<NAME>_SVC`), whose default role is the writer. */
  readonly serviceUserName: pulumi.Output<string>;
  /** The schemas' fully qualified names (`DB.SCHEMA`), by schema name as given. */
  readonly schemaNames: Record<string, pulumi.Output<string>>;

  constructor(private readonly componentName: string, args: DataProductArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DATA_PRODUCT_TYPE, componentName, {}, opts);
    const product = (args.name ?? componentName.replace(/[^A-Za-z0-9_]/g, "_")).toUpperCase();
    requirePlain("data product name", product);
    for (const schema of args.schemas) requirePlain(`schema name of data product ${product}`, schema);
    const comment = args.comment ?? `Data product ${product}`;
    const connection = args.connection;
    const child = { parent: this };

    const database = new snowflake.Database(this.named("database"), { name: product, comment, forceDestroy: args.forceDestroy, connection }, child);
    const warehouse = new snowflake.Warehouse(this.named("warehouse"), {
      name: `${product}_WH`,
      warehouseSize: args.warehouseSize ?? "XSMALL",
      autoSuspend: args.autoSuspendSeconds ?? 60,
      initiallySuspended: true,
      comment,
      connection,
    }, child);
    const schemas = Object.fromEntries(args.schemas.map((schema) => [schema, new snowflake.Schema(this.named(`schema-${schema}`), {
      database: database.name, name: schema.toUpperCase(), forceDestroy: args.forceDestroy, connection,
    }, child)]));

    const role = (level: string) => new snowflake.Role(this.named(`role-${level}`), { name: `${product}_${level.toUpperCase()}`, comment, connection }, child);
    const [reader, writer, admin] = [role("reader"), role("writer"), role("admin")];
    // The hierarchy: each role inherits the privileges of the one below it.
    new snowflake.RoleGrant(this.named("reader-in-writer"), { role: reader.name, toRole: writer.name, connection }, child);
    new snowflake.RoleGrant(this.named("writer-in-admin"), { role: writer.name, toRole: admin.name, connection }, child);
    if (args.adminRoleGrantedTo !== undefined) {
      new snowflake.RoleGrant(this.named("admin-in-parent"), { role: admin.name, toRole: args.adminRoleGrantedTo, connection }, child);
    }

    const grant = (suffix: string, grantArgs: Omit<snowflake.GrantArgs, "connection">) =>
      new snowflake.Grant(this.named(suffix), { ...grantArgs, connection }, child);
    grant("reader-uses-database", { toRole: reader.name, securableType: "DATABASE", securableName: database.name, privileges: ["USAGE"] });
    grant("reader-uses-warehouse", { toRole: reader.name, securableType: "WAREHOUSE", securableName: warehouse.name, privileges: ["USAGE"] });
    for (const [name, schema] of Object.entries(schemas)) {
      const inSchema = schema.fullyQualifiedName;
      grant(`reader-uses-${name}`, { toRole: reader.name, securableType: "SCHEMA", securableName: inSchema, privileges: ["USAGE"] });
      grant(`admin-owns-${name}`, { toRole: admin.name, securableType: "SCHEMA", securableName: inSchema, privileges: ["ALL"] });
      // Tables that exist now (GrantOnAll) and tables created later (FutureGrant): neither covers the other.
      this.onEveryTable(`reader-selects-${name}`, { toRole: reader.name, inSchema, privileges: ["SELECT"], connection });
      this.onEveryTable(`writer-writes-${name}`, { toRole: writer.name, inSchema, privileges: WRITE_PRIVILEGES, connection });
    }

    let outputPosition = 0;
    for (const readerRole of args.readers ?? []) {
      const key = typeof readerRole === "string" ? readerRole.toLowerCase() : `#${outputPosition++}`;
      new snowflake.RoleGrant(this.named(`read-by-${key}`), { role: reader.name, toRole: readerRole, connection }, child);
    }

    const serviceUser = new snowflake.User(this.named("service-user"), {
      name: `${product}_SVC`,
      type: "SERVICE",
      rsaPublicKey: args.serviceUserPublicKey,
      defaultRole: writer.name,
      defaultWarehouse: warehouse.name,
      defaultNamespace: database.name,
      comment,
      connection,
    }, child);
    // A default role is only usable once granted.
    new snowflake.RoleGrant(this.named("writer-to-service-user"), { role: writer.name, toUser: serviceUser.name, connection }, child);

    this.databaseName = database.name;
    this.warehouseName = warehouse.name;
    this.readerRole = reader.name;
    this.writerRole = writer.name;
    this.adminRole = admin.name;
    this.serviceUserName = serviceUser.name;
    this.schemaNames = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, schema.fullyQualifiedName]));
    this.registerOutputs({
      databaseName: this.databaseName, warehouseName: this.warehouseName, readerRole: this.readerRole,
      writerRole: this.writerRole, adminRole: this.adminRole, serviceUserName: this.serviceUserName,
    });
  }

  private onEveryTable(suffix: string, grantArgs: Omit<snowflake.GrantOnAllArgs, "objectType">): void {
    new snowflake.GrantOnAll(this.named(`${suffix}-existing`), { ...grantArgs, objectType: "TABLE" }, { parent: this });
    new snowflake.FutureGrant(this.named(`${suffix}-future`), { ...grantArgs, objectType: "TABLE" }, { parent: this });
  }

  /** Children's Pulumi names start with the component's, so two products in one stack never collide. */
  private named(suffix: string): string {
    return `${this.componentName}-${suffix}`;
  }
}

function requirePlain(what: string, name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`${what} ${JSON.stringify(name)} must be a plain identifier (letters, digits and _, not starting with a digit): it names Snowflake objects`);
  }
}

// One statement executor for both doors Snowflake offers: the SQL API (POST /api/v2/statements) and the
// connector's query-request. It answers exactly the statements the provider and its tests issue -- ALTER of the
// emulated objects, SHOW PARAMETERS / WAREHOUSES / DATABASES, SELECT of literals, the kinds' own commands (a stage's
// REMOVE) -- and anything else fails as
// Snowflake fails an unknown statement, with a syntax or compilation error.
import type { ObjectKind } from "../catalog/object-kind";
import { ApiError } from "../errors";
import { findForStatement, readAlterAction } from "./alter";
import { DDL_TYPE_ID, ResultSet, SELECT_TYPE_ID, selectList, SessionFacts, text } from "./select";
import { showSchemaObjects } from "./show-schema-objects";
import { executeShow } from "./show";
import { executeCreate, executeDescribe, executeDrop, executeShowSqlObjects } from "./ddl";
import { requireResourceMonitor } from "../kinds/resource-monitor";
import { selectPolicyReferences } from "../kinds/policy-attachments";
import { TokenStream } from "./token-stream";
import { SqlError } from "./tokens";

/** The object types statements may name, by their SQL words ("DYNAMIC TABLE"); TABLE covers event tables too. */
export class StatementKinds {
  constructor(readonly kinds: readonly ObjectKind[]) {}

  of(sqlType: string): ObjectKind[] {
    return this.kinds.filter((kind) => kind.sqlType === sqlType);
  }

  /** The system function a kind answers under this (upper-case) name, e.g. SYSTEM$TASK_DEPENDENTS_ENABLE. */
  sqlFunction(name: string): NonNullable<ObjectKind["sqlFunctions"]>[string] | undefined {
    return this.kinds.map((kind) => kind.sqlFunctions?.[name]).find((run) => run !== undefined);
  }

  /** The statement a kind runs under this (upper-case) first word, e.g. a stage's REMOVE. */
  sqlCommand(word: string): NonNullable<ObjectKind["sqlCommands"]>[string] | undefined {
    return this.kinds.map((kind) => kind.sqlCommands?.[word]).find((run) => run !== undefined);
  }

  /** The SHOW statement a kind answers after this (upper-case) word, e.g. SERVICES. */
  sqlShow(word: string): NonNullable<ObjectKind["sqlShows"]>[string] | undefined {
    return this.kinds.map((kind) => kind.sqlShows?.[word]).find((run) => run !== undefined);
  }

  /** Reads the object type words of an ALTER (one to three words: ALERT, DYNAMIC TABLE, CORTEX SEARCH SERVICE), longest first. */
  read(stream: TokenStream): ObjectKind[] {
    for (const length of [3, 2, 1]) {
      const words = Array.from({ length }, (_, offset) => stream.peek(offset));
      if (words.some((token) => token?.type !== "word")) continue;
      const found = this.of(words.map((token) => token!.value).join(" ").toUpperCase());
      if (found.length) {
        for (let i = 0; i < length; i++) stream.next();
        return found;
      }
    }
    throw stream.unexpected(stream.next());
  }
}

function statusResult(message: string): ResultSet {
  return { columns: [text("status")], rows: [[message]], statementTypeId: DDL_TYPE_ID };
}

function executeAlter(stream: TokenStream, session: SessionFacts, kinds: StatementKinds): ResultSet {
  const candidates = kinds.read(stream);
  const ifExists = stream.accept("IF", "EXISTS");
  const parts = stream.qualifiedName();
  let object;
  try {
    object = findForStatement(candidates, parts, session.account);
  } catch (error) {
    if (ifExists) return statusResult("Statement executed successfully.");
    throw error;
  }
  const change = readAlterAction(object.kind, stream, session.account);
  stream.expectEnd();
  object.kind.beforeChange?.(object);
  change(object, { account: session.account });
  object.updatedOn = new Date();
  return statusResult("Statement executed successfully.");
}

/** SELECT <FUNCTION>('<arg>', ...) of a system function a kind answers; undefined for any other SELECT. */
function selectKindFunction(stream: TokenStream, session: SessionFacts, kinds: StatementKinds): ResultSet | undefined {
  const name = stream.peek();
  const run = name?.type === "word" ? kinds.sqlFunction(name.value.toUpperCase()) : undefined;
  if (!name || !run) return undefined;
  stream.next();
  stream.expectSymbol("(");
  const args: string[] = [];
  let close = stream.peek();
  while (!(close?.type === "symbol" && close.value === ")")) {
    if (args.length) stream.expectSymbol(",");
    args.push(stream.string());
    close = stream.peek();
  }
  stream.next();
  stream.expectEnd();
  const value = run(args, { account: session.account });
  // Snowflake names an unaliased column after its expression, upper-cased (as selectList does).
  const column = stream.text.slice(name.start, close.end).replace(/\s+/g, "").toUpperCase();
  return { columns: [text(column, true)], rows: [[value]], statementTypeId: SELECT_TYPE_ID };
}

/**
 * ALTER ACCOUNT SET RESOURCE_MONITOR = <name> / UNSET RESOURCE_MONITOR (ALTER ACCOUNT docs, "Account properties"):
 * the only account property the emulator takes this way; others are refused as not run.
 */
function alterCurrentAccount(stream: TokenStream, session: SessionFacts): ResultSet {
  stream.expect("ACCOUNT");
  const set = stream.accept("SET");
  if (!set) stream.expect("UNSET");
  stream.expect("RESOURCE_MONITOR");
  if (set) {
    stream.expectSymbol("=");
    const name = stream.identifier();
    stream.expectEnd();
    requireResourceMonitor(session.account, name);
    session.account.catalog.parameters.resource_monitor = name;
  } else {
    stream.expectEnd();
    delete session.account.catalog.parameters.resource_monitor;
  }
  return statusResult("Statement executed successfully.");
}

export function executeSql(sqlText: string, session: SessionFacts, kinds: StatementKinds): ResultSet {
  const stream = new TokenStream(sqlText);
  try {
    if (stream.accept("ALTER")) {
      if (stream.peek()?.value.toUpperCase() === "ACCOUNT" && ["SET", "UNSET"].includes(String(stream.peek(1)?.value).toUpperCase())) return alterCurrentAccount(stream, session);
      return executeAlter(stream, session, kinds);
    }
    const readKinds = (from: TokenStream) => kinds.read(from);
    if (stream.accept("CREATE")) return executeCreate(stream, session, readKinds);
    if (stream.accept("DROP")) return executeDrop(stream, session, readKinds);
    if (stream.accept("DESCRIBE") || stream.accept("DESC")) return executeDescribe(stream, session, readKinds);
    if (stream.accept("SHOW")) {
      const listed = executeShowSqlObjects(stream, session, kinds.kinds);
      if (listed) return listed;
      const word = stream.peek();
      const show = word?.type === "word" ? kinds.sqlShow(word.value.toUpperCase()) : undefined;
      if (show) {
        stream.next();
        return show(stream, session);
      }
      return showSchemaObjects(stream, session) ?? executeShow(stream, session, (sqlType) => kinds.of(sqlType));
    }
    if (stream.accept("SELECT")) return selectPolicyReferences(stream, session) ?? selectKindFunction(stream, session, kinds) ?? selectList(stream.rest(), session);
    const first = stream.peek();
    const command = first?.type === "word" ? kinds.sqlCommand(first.value.toUpperCase()) : undefined;
    if (command) return command(sqlText, session);
    if (stream.done) throw new SqlError("000900", "42000", "SQL compilation error:\nEmpty SQL statement.");
    // Valid SQL the emulator does not run (CREATE TABLE ..., INSERT ...) is refused rather than pretended.
    throw new SqlError("002003", "02000", `SQL compilation error:\nThe Snowflake emulator does not support this statement: ${sqlText.trim()}`);
  } catch (error) {
    // The kinds' rules speak REST (ApiError); through SQL the same refusal is a statement error.
    if (error instanceof ApiError) throw new SqlError(error.code, "42000", error.message);
    throw error;
  }
}

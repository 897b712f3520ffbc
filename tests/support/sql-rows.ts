// Reading objects the way a person at a SQL prompt would: SHOW and DESCRIBE answers as rows keyed by column name.
// The round-trip and fault-matrix tables name SQL-only objects by their SHOW statement instead of a REST path.
import type { Emulator } from "../emulator";
import { callEmulator, EmulatorAnswer } from "./emulator-api";

/** Whether a table row's "path" is a statement (an object REST v2 has no endpoints for). */
export const isStatement = (pathOrStatement: string): boolean => /^(SHOW|DESC|DESCRIBE)\s/i.test(pathOrStatement);

/** A SQL API answer's rows as objects keyed by column name (SHOW columns are lower case). */
export function rowsOf(answer: EmulatorAnswer): Record<string, string | null>[] {
  const columns: string[] = (answer.body?.resultSetMetaData?.rowType ?? []).map((column: { name: string }) => column.name);
  return ((answer.body?.data ?? []) as (string | null)[][]).map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
}

/** The rows of a statement run through the emulator's SQL API, which must succeed. */
export async function statementRows(emulator: Emulator, statement: string): Promise<Record<string, string | null>[]> {
  const answer = await callEmulator(emulator, "POST", "/api/v2/statements", { statement });
  expect([statement, answer.status]).toEqual([statement, 200]);
  return rowsOf(answer);
}

/** The answer to a GET of a REST path, or to a SHOW / DESCRIBE statement (its rows as the body). */
export async function observeObject(emulator: Emulator, pathOrStatement: string): Promise<EmulatorAnswer> {
  if (!isStatement(pathOrStatement)) return callEmulator(emulator, "GET", pathOrStatement);
  const answer = await callEmulator(emulator, "POST", "/api/v2/statements", { statement: pathOrStatement });
  return { ...answer, body: answer.status === 200 ? rowsOf(answer) : answer.body };
}

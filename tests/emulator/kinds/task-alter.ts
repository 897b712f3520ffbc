// ALTER TASK clauses of its own (ALTER TASK docs): MODIFY AS <sql>, MODIFY WHEN <boolean_expr>, REMOVE WHEN,
// ADD AFTER / REMOVE AFTER <string> [, ...], SET FINALIZE = <string> and UNSET FINALIZE. Each goes through the
// kind's accept() like a REST body, so the graph rules (a running root refuses every change) hold for both doors.
import type { WireValues } from "../catalog/catalog";
import { formatIdentifier } from "../identifiers";
import { applyValues, type AlterClause, type Change } from "../sql/alter";
import type { TokenStream } from "../sql/token-stream";
import { predecessorNames, taskReferenceParts } from "./task-graph";

const update = (patch: (values: WireValues) => WireValues): Change => (object, context) => applyValues(object, patch({ ...object.values }), context);

/** One task name: a '<string>' as the docs write it, or an identifier (db.schema.task, quoted where needed). */
function taskName(stream: TokenStream): string {
  if (stream.peek()?.type === "string") return stream.string();
  return stream.qualifiedName().map(formatIdentifier).join(".");
}

function taskNames(stream: TokenStream): string[] {
  const names = [taskName(stream)];
  while (stream.acceptSymbol(",")) names.push(taskName(stream));
  return names;
}

export const taskClauses: AlterClause[] = [
  {
    // ALTER TASK has no RENAME TO (its syntax lists none), unlike the types the generic clause serves.
    read(stream) {
      if (stream.peek()?.type === "word" && stream.peek()!.value.toUpperCase() === "RENAME") throw stream.unexpected(stream.next());
      return undefined;
    },
  },
  {
    read(stream) {
      if (!stream.accept("MODIFY", "AS")) return undefined;
      const definition = stream.rest();
      return update((values) => ({ ...values, definition }));
    },
  },
  {
    read(stream) {
      if (!stream.accept("MODIFY", "WHEN")) return undefined;
      const condition = stream.rest();
      return update((values) => ({ ...values, condition }));
    },
  },
  {
    read(stream) {
      if (!stream.accept("REMOVE", "WHEN")) return undefined;
      return update(({ condition: _removed, ...values }) => values);
    },
  },
  {
    // "Each child task is limited to 100 predecessor tasks" is checked by accept() on the result.
    read(stream) {
      if (!stream.accept("ADD", "AFTER")) return undefined;
      const added = taskNames(stream);
      return update((values) => ({ ...values, predecessors: [...((values.predecessors as string[] | undefined) ?? []), ...added] }));
    },
  },
  {
    // REMOVE AFTER of a task that is not a predecessor changes nothing (not confirmed against a live account).
    read(stream) {
      if (!stream.accept("REMOVE", "AFTER")) return undefined;
      const removed = taskNames(stream).map((name) => taskReferenceParts(name, "REMOVE AFTER").at(-1)!);
      return (object, context) => {
        const remaining = predecessorNames(object).filter((name) => !removed.includes(name)).map(formatIdentifier);
        const { predecessors: _before, ...values } = object.values;
        applyValues(object, remaining.length ? { ...values, predecessors: remaining } : values, context);
      };
    },
  },
  {
    read(stream) {
      if (!stream.accept("SET", "FINALIZE")) return undefined;
      stream.expectSymbol("=");
      const finalize = taskName(stream);
      return update((values) => ({ ...values, finalize }));
    },
  },
  {
    read(stream) {
      if (!stream.accept("UNSET", "FINALIZE")) return undefined;
      return update(({ finalize: _removed, ...values }) => values);
    },
  },
];

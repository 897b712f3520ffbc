// Time kinds: a dynamic table's target lag, and the schedule of an alert or a task (every N minutes, or cron with
// a time zone).
import { keyword, literal } from "../../sql/sql-text";
import { FieldKind } from "../field-kind";
import { integerKind, textKind } from "./scalars";

const UNIT_SECONDS: Record<string, number> = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400 };
const LAG = /^(\d+)\s*(second|minute|hour|day)s?$/i;
// CREATE DYNAMIC TABLE docs: "The minimum value is 1 minute."
const MIN_LAG_SECONDS = 60;

function lagSeconds(value: unknown): number | "DOWNSTREAM" | undefined {
  if (typeof value !== "string") return undefined;
  if (value.trim().toUpperCase() === "DOWNSTREAM") return "DOWNSTREAM";
  const match = LAG.exec(value.trim());
  return match ? Number(match[1]) * UNIT_SECONDS[match[2].toUpperCase()] : undefined;
}

/** "5 minutes", "2 hours", "1 day" or DOWNSTREAM; on the wire common.yaml TargetLag (USER_DEFINED seconds / DOWNSTREAM). */
export function targetLagKind(): FieldKind {
  return {
    shape: { primitive: "string" },
    expected: `a duration such as "5 minutes", "2 hours" or "1 day" (at least 1 minute), or "DOWNSTREAM"`,
    problem: (value) => {
      const seconds = lagSeconds(value);
      if (seconds === undefined) return "not a duration";
      if (seconds !== "DOWNSTREAM" && seconds < MIN_LAG_SECONDS) return "shorter than 1 minute";
      return undefined;
    },
    canonical: (value) => lagSeconds(value) ?? value,
    toWire: (value) => {
      const seconds = lagSeconds(value);
      return seconds === "DOWNSTREAM" ? { type: "DOWNSTREAM" } : { type: "USER_DEFINED", seconds };
    },
    fromWire: (value) => {
      const lag = value as { type?: string; seconds?: number } | undefined;
      if (!lag || typeof lag !== "object") return value;
      if (lag.type === "DOWNSTREAM") return "DOWNSTREAM";
      const seconds = lag.seconds ?? 0;
      for (const [unit, size] of [["day", 86400], ["hour", 3600], ["minute", 60]] as const) {
        if (seconds % size === 0) return `${seconds / size} ${unit}${seconds === size ? "" : "s"}`;
      }
      return `${seconds} seconds`;
    },
    toSql: (value) => {
      const seconds = lagSeconds(value);
      return seconds === "DOWNSTREAM" ? keyword("DOWNSTREAM") : literal(`${seconds} seconds`);
    },
  };
}

export interface Schedule {
  minutes?: number;
  cron?: string;
  timeZone?: string;
}

// CREATE ALERT and CREATE TASK docs: '<num> MINUTE' takes positive integers up to 11520 (8 days).
const MAX_MINUTES = 11520;
const CRON_FIELDS = 5;

export function alertScheduleKind(): FieldKind {
  return scheduleKind("AlertSchedule", "When an alert checks its condition", "Check");
}

export function taskScheduleKind(): FieldKind {
  return scheduleKind("TaskSchedule", "When a root task runs", "Run");
}

/** { minutes } or { cron, timeZone }; on the wire alert.yaml / task.yaml MinutesSchedule / CronSchedule. */
function scheduleKind(typeName: string, when: string, verb: string): FieldKind {
  const asSchedule = (value: unknown) => (value && typeof value === "object" ? (value as Schedule) : undefined);
  return {
    shape: {
      object: {
        name: typeName,
        doc: `${when}: every \`minutes\`, or on a \`cron\` expression in \`timeZone\`.`,
        fields: {
          minutes: { wire: "minutes", kind: integerKind({ min: 1, max: MAX_MINUTES }), doc: `${verb} every this many minutes (1 to 11520).` },
          cron: { wire: "cron_expr", kind: textKind(), doc: "A cron expression with 5 fields: minute hour day-of-month month day-of-week." },
          timeZone: { wire: "timezone", kind: textKind(), doc: "The time zone of `cron`, e.g. UTC or America/Los_Angeles." },
        },
      },
    },
    expected: `{ minutes: 1..${MAX_MINUTES} } or { cron: "<5 cron fields>", timeZone: "<IANA time zone>" }`,
    problem: (value) => {
      const schedule = asSchedule(value);
      if (!schedule) return "not an object";
      const extra = Object.keys(schedule).filter((key) => !["minutes", "cron", "timeZone"].includes(key));
      if (extra.length) return `${extra.join(", ")} is not part of a schedule`;
      if (schedule.minutes !== undefined) {
        if (schedule.cron !== undefined || schedule.timeZone !== undefined) return "give minutes, or cron with timeZone, not both";
        return Number.isInteger(schedule.minutes) && schedule.minutes >= 1 && schedule.minutes <= MAX_MINUTES ? undefined : `minutes must be a whole number from 1 to ${MAX_MINUTES}`;
      }
      if (typeof schedule.cron !== "string" || schedule.cron.trim().split(/\s+/).length !== CRON_FIELDS) return "cron must have 5 fields (minute hour day-of-month month day-of-week)";
      if (typeof schedule.timeZone !== "string" || schedule.timeZone.trim() === "") return "cron needs timeZone too, e.g. UTC or Europe/Paris";
      return undefined;
    },
    canonical: (value) => {
      const schedule = asSchedule(value);
      if (!schedule) return value;
      return schedule.minutes !== undefined ? { minutes: schedule.minutes } : { cron: schedule.cron?.trim().replace(/\s+/g, " "), timeZone: schedule.timeZone };
    },
    toWire: (value) => {
      const schedule = asSchedule(value)!;
      return schedule.minutes !== undefined
        ? { schedule_type: "MINUTES_TYPE", minutes: schedule.minutes }
        : { schedule_type: "CRON_TYPE", cron_expr: schedule.cron?.trim(), timezone: schedule.timeZone };
    },
    fromWire: (value) => {
      const wire = value as { minutes?: number; cron_expr?: string; timezone?: string } | undefined;
      if (!wire || typeof wire !== "object") return value;
      return wire.minutes !== undefined ? { minutes: wire.minutes } : { cron: wire.cron_expr, timeZone: wire.timezone };
    },
    // ALTER ALERT / ALTER TASK ... SET SCHEDULE = '{ <num> MINUTE | USING CRON <expr> <time_zone> }'.
    toSql: (value) => {
      const schedule = asSchedule(value)!;
      return literal(schedule.minutes !== undefined ? `${schedule.minutes} MINUTE` : `USING CRON ${schedule.cron?.trim()} ${schedule.timeZone}`);
    },
  };
}


/** A number of minutes, on the wire task.yaml MinutesSchedule (a serverless task's target completion interval). */
export function minutesIntervalKind(): FieldKind {
  const base = integerKind({ min: 1, max: MAX_MINUTES });
  return {
    ...base,
    expected: `a number of minutes from 1 to ${MAX_MINUTES}`,
    toWire: (value) => ({ schedule_type: "MINUTES_TYPE", minutes: value }),
    fromWire: (value) => (value && typeof value === "object" ? (value as { minutes?: number }).minutes : value),
    toSql: (value) => literal(`${value} MINUTES`),
  };
}

// Cron schedules of tasks and alerts (CREATE TASK docs, SCHEDULE = 'USING CRON <expr> <time_zone>': "a subset of
// standard cron utility syntax" with five fields -- minute, hour, day of month, month, day of week -- and a time
// zone from the IANA database). Used to check an expression and to find the next run a started root has.
import { badRequest } from "../errors";

interface FieldSpec { min: number; max: number; names?: string[] }

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
// Cron utility conventions: day of week 0-7 with 0 and 7 both Sunday; months and weekdays also by name.
const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 7, names: WEEKDAYS },
];
const ITEM = /^(\*|\?|[A-Z0-9]+(?:-[A-Z0-9]+)?)(?:\/(\d+))?$/i;
// CREATE TASK docs list L (last), W and # among the special characters; the emulator accepts them and, not
// evaluating them, treats such a field as matching every value when it looks for the next run.
const SPECIAL = /[LW#]/i;

type Allowed = Set<number> | "any";

function valueOf(token: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  const number = named >= 0 ? named + (spec.min === 1 ? 1 : 0) : /^\d+$/.test(token) ? Number(token) : NaN;
  return Number.isInteger(number) && number >= spec.min && number <= spec.max ? number : undefined;
}

function parseField(text: string, spec: FieldSpec): Allowed | undefined {
  if (SPECIAL.test(text) && !spec.names?.some((name) => text.toUpperCase().includes(name))) return "any";
  if (text === "*" || text === "?") return "any";
  const allowed = new Set<number>();
  for (const item of text.split(",")) {
    const match = ITEM.exec(item);
    if (!match) return undefined;
    const [from, to] = match[1] === "*" || match[1] === "?" ? [spec.min, spec.max] : match[1].split("-").map((part) => valueOf(part, spec));
    const last = match[1].includes("-") || match[1] === "*" ? to : match[2] ? spec.max : from;
    const step = match[2] ? Number(match[2]) : 1;
    if (from === undefined || last === undefined || from > last || step < 1) return undefined;
    for (let value = from; value <= last; value += step) allowed.add(value === 7 && spec.names === WEEKDAYS ? 0 : value);
  }
  return allowed;
}

/** Refuses what CREATE TASK / CREATE ALERT would: not five valid fields, or a time zone Snowflake does not know. */
export function checkCron(expression: string, timezone: string | undefined, shown: string): void {
  const fields = expression.trim().split(/\s+/);
  const invalid = () => badRequest(`SQL compilation error:\ninvalid value [USING CRON ${expression} ${timezone ?? ""}] for parameter 'SCHEDULE'`);
  if (fields.length !== FIELDS.length || !timezone) throw invalid();
  if (fields.some((field, index) => parseField(field, FIELDS[index]) === undefined)) throw invalid();
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw badRequest(`SQL compilation error:\nInvalid time zone '${timezone}' in ${shown}.`);
  }
}

/** The first minute after `after` (within `horizonMinutes`) that the expression matches in its time zone. */
export function nextCronTime(expression: string, timezone: string, after: Date, horizonMinutes: number): Date | undefined {
  const [minutes, hours, days, months, weekdays] = expression.trim().split(/\s+/).map((field, index) => parseField(field, FIELDS[index])!);
  const format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour12: false, minute: "numeric", hour: "numeric", day: "numeric", month: "numeric", weekday: "short" });
  const matches = (allowed: Allowed, value: number) => allowed === "any" || allowed.has(value);
  const start = Math.floor(after.getTime() / 60_000) + 1;
  for (let minute = start; minute <= start + horizonMinutes; minute++) {
    const at = new Date(minute * 60_000);
    const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
    const [day, weekday] = [Number(parts.day), WEEKDAYS.indexOf(String(parts.weekday).toUpperCase())];
    // Cron utility convention: with both day fields restricted, a day matching either runs.
    const dayMatches = days !== "any" && weekdays !== "any" ? matches(days, day) || matches(weekdays, weekday) : matches(days, day) && matches(weekdays, weekday);
    if (matches(minutes, Number(parts.minute)) && matches(hours, Number(parts.hour) % 24) && matches(months, Number(parts.month)) && dayMatches) return at;
  }
  return undefined;
}

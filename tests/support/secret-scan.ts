// After a driver run: no secret value used anywhere may appear in the state file, which also holds every
// resource's serialized `__provider`. Secrets stored by the driver are encrypted, so a hit means a leak.
import * as fs from "fs";

export function secretsFoundIn(stateFile: string, secrets: string[]): string[] {
  if (!fs.existsSync(stateFile)) return [];
  const text = fs.readFileSync(stateFile, "utf8");
  const providers = [...text.matchAll(/"__provider":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  // Secrets with JSON-special characters (PEM newlines) are escaped in the file: look for both spellings.
  return secrets.filter((secret) => secret.length >= 4 && [text, ...providers].some((haystack) =>
    haystack.includes(secret) || haystack.includes(JSON.stringify(secret).slice(1, -1))));
}

export function expectNoSecrets(stateFile: string, secrets: string[]): void {
  const found = secretsFoundIn(stateFile, secrets);
  if (found.length) {
    throw new Error(`${found.length} secret value(s) appear in plain text in ${stateFile}: ${found.map((s) => `${s.slice(0, 3)}…(${s.length} chars)`).join(", ")}`);
  }
}

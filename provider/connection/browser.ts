// Which browser opens SSO / OAuth login pages. By default snowflake-sdk opens the system browser (the `open`
// package); SNOWFLAKE_BROWSER, else BROWSER, names a command to run instead, with the URL as its argument (or in
// place of a `%s`): a particular browser, a remote-desktop opener, or a scripted browser in tests.
import { spawn } from "child_process";

export type OpenBrowser = (url: string) => void;

export function browserCommandFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const command = (env.SNOWFLAKE_BROWSER ?? env.BROWSER)?.trim();
  return command ? command : undefined;
}

/** undefined: let snowflake-sdk open the system browser. */
export function browserOpenerFrom(env: NodeJS.ProcessEnv = process.env): OpenBrowser | undefined {
  const command = browserCommandFrom(env);
  return command === undefined ? undefined : (url) => runBrowserCommand(command, url);
}

function runBrowserCommand(command: string, url: string): void {
  // Split on blanks, no shell: the URL comes from the server and must never be interpreted by one.
  const words = command.split(/\s+/);
  const args = words.slice(1);
  const withUrl = args.some((arg) => arg.includes("%s")) ? args.map((arg) => arg.replace("%s", url)) : [...args, url];
  const report = (problem: string) =>
    process.stderr.write(`snowflake: the browser command "${command}" ${problem}; open this address to log in: ${url}\n`);
  // The child's output goes to stderr: stdout of a provider process carries the Pulumi host's port handshake.
  const child = spawn(words[0], withUrl, { stdio: ["ignore", 2, 2], detached: true });
  child.on("error", (error) => report(`could not be started (${(error as NodeJS.ErrnoException).code ?? error.message})`));
  child.on("exit", (code) => { if (code) report(`exited with status ${code}`); });
  // A browser that keeps running must not keep the provider process alive.
  child.unref();
}

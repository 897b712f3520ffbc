// Serialized providers `require("pulumi-snowflake-dynamic/runtime")` from the Pulumi project directory, as they
// would in a user's project. Inside this repository that name must resolve too, so link the package into its
// own node_modules (what `npm link` would do, without touching global state).
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..", "..");
const name: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name;
const link = path.join(root, "node_modules", name);

let current: string | undefined;
try { current = fs.readlinkSync(link); } catch { current = undefined; }
if (current !== root) {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(root, link, "dir");
}

// `new pulumi.StackReference(name)`: the engine reads another stack's outputs from the backend. The driver's backend
// is state files, so a name maps to one: the file given for that exact name (`--stack-reference NAME=FILE`), else
// `<stack>.json` beside this run's state file, the last part of `org/project/stack` being the stack (the default
// layout, `<program dir>/.pulumi-state/<stack>.json`, keeps a project's stacks side by side).
import * as fs from "fs";
import * as path from "path";
import { CrypterCache } from "./passphrase-crypter";
import { PropertyMap } from "./property-values";
import { isSecret, revealMap } from "./secrets";
import { StateFile } from "./state-file";
import { STACK_TYPE } from "./urns";

export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/** What the engine's read of a StackReference answers: its name, the outputs, and which of them are secret. */
export interface StackReferenceState {
  name: string;
  outputs: PropertyMap;
  secretOutputNames: string[];
}

export type StackReferenceReader = (name: string) => StackReferenceState;

export interface StackReferenceOptions {
  /** Stack name (as the program writes it) -> state file. */
  explicit: Record<string, string>;
  /** This run's state file: other stacks' files are looked for beside it. */
  stateFile: string;
  crypters: CrypterCache;
  pulumiVersion: string;
}

export function stackReferenceReader(options: StackReferenceOptions): StackReferenceReader {
  return (name) => {
    const stack = name.split("/").pop() ?? name;
    const file = path.resolve(options.explicit[name] ?? path.join(path.dirname(options.stateFile), `${stack}.json`));
    if (!fs.existsSync(file)) {
      throw new Error(`stack reference "${name}": there is no state file ${file}; run that stack first, or give its state with --stack-reference ${name}=<state file>`);
    }
    const state = new StateFile({ file, project: "", stack, pulumiVersion: options.pulumiVersion, crypters: options.crypters });
    const outputs = state.peek().find((resource) => resource.type === STACK_TYPE)?.outputs ?? {};
    return {
      name,
      outputs: revealMap(outputs),
      secretOutputNames: Object.keys(outputs).filter((key) => isSecret(outputs[key])),
    };
  };
}

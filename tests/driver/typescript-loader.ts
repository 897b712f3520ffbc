// Lets `require` load TypeScript the way the Node language host does with ts-node in transpile-only mode: each
// .ts file is compiled on its own (no type checking) to CommonJS, ES2022 (native async functions, which closure
// serialization needs).
import * as fs from "fs";
import type * as TypeScript from "typescript";

type CompileHook = (module: NodeJS.Module & { _compile(code: string, file: string): void }, filename: string) => void;

export function registerTypeScriptLoader(projectDir: string): void {
  const extensions = require.extensions as unknown as Record<string, CompileHook | undefined>;
  if (extensions[".ts"]) return; // ts-node (or an earlier run) already handles .ts
  let ts: typeof TypeScript | undefined;
  extensions[".ts"] = (module, filename) => {
    // Loaded on first use: the project's own TypeScript if it has one, else the driver's.
    ts ??= require(require.resolve("typescript", { paths: [projectDir, __dirname] })) as typeof TypeScript;
    const output = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        experimentalDecorators: true,
        inlineSourceMap: true,
      },
    });
    module._compile(output.outputText, filename);
  };
}

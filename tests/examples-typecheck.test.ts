// The examples type-check against the installed package's declarations (pulumi up type-checks TypeScript
// programs), so the generated SDK's enum unions and nested Args types are what users compile against.
import * as path from "node:path";
import * as ts from "typescript";

const EXAMPLES = ["quickstart", "containers", "multi-account", "component-library/stacks/analytics", "component-library/stacks/marketing"].map((name) => path.join(__dirname, "..", "examples", name, "index.ts"));

test("every example compiles without errors", () => {
  const program = ts.createProgram(EXAMPLES, {
    noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, skipLibCheck: true, types: ["node"],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(process.cwd(), diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
});

test("a misspelled enum value does not compile", () => {
  const file = path.join(__dirname, "..", "examples", "quickstart", "misspelled.ts");
  const source = 'import * as snowflake from "pulumi-snowflake-dynamic";\nnew snowflake.Warehouse("w", { warehouseSize: "XSMAL" });\n';
  const host = ts.createCompilerHost({});
  const read = host.readFile;
  host.readFile = (name) => (name === file ? source : read(name));
  host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists);
  const program = ts.createProgram([file], { noEmit: true, strict: true, moduleResolution: ts.ModuleResolutionKind.Node10, skipLibCheck: true, types: [] }, host);
  const messages = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  expect(messages.join("\n")).toMatch(/'"XSMAL"' is not assignable to type 'Input<WarehouseSize>/);
});

// Every function of the package, typed as a user's code would use it. `tsc --noEmit --strict`
// checks it against the package's own .d.ts (tests/js/types.test.mjs); each
// `@ts-expect-error` line must be an error, so the definitions cannot decay to `any`.
import init, {
  initSync,
  check,
  importText,
  exportAs,
  convert,
  type Api,
  type ConvertResult,
  type LeftOut,
  type Moved,
  type CheckResult,
  type Diagnostic,
  type ExportTarget,
  type ImportError,
  type ImportResult,
  type JobRequest,
  type Severity,
} from "automl-job-rules";

export async function inBrowser(): Promise<boolean> {
  await init(); // fetches automl_job_rules_bg.wasm beside the module
  return check({ AutoMLJobName: "churn" }).valid;
}

export function inNode(wasmBytes: Uint8Array): string[] {
  initSync({ module: wasmBytes });
  const api: Api = "v1";
  const result: CheckResult = check('{"AutoMLJobName": "my_job"}', { api });
  const lines: string[] = result.diagnostics.map((d: Diagnostic) => {
    const severity: Severity = d.severity;
    const where: string = d.line === null ? d.path : `${d.line}:${d.column ?? 0}`;
    const also: string[] = d.related;
    return `${severity}[${d.code}] ${where}: ${d.message} ${d.serviceMessage ?? ""} ${d.cliMessage ?? ""} ${also.join()}`;
  });
  const service: string | null = result.serviceResponse;
  const cli: string | null = result.cliResponse;

  let imported: ImportResult | undefined;
  try {
    imported = importText("aws sagemaker create-auto-ml-job --auto-ml-job-name churn");
  } catch (err) {
    const e = err as ImportError;
    lines.push(`${e.message} at ${e.line}:${e.column}`);
  }
  if (imported) {
    const request: JobRequest = imported.request;
    const name: unknown = request.AutoMLJobName;
    const api: Api = imported.api;
    lines.push(imported.json, api, ...imported.leftOut, ...imported.notes, String(name));
    lines.push(...imported.diagnostics.map((d) => d.message));
  }

  const targets: ExportTarget[] = ["json", "cli", "cli-input-json", "powershell", "cmd", "boto3"];
  for (const target of targets) {
    const text: string = exportAs({ AutoMLJobName: "churn" }, target, { allowInvalid: true });
    lines.push(text);
  }
  lines.push(exportAs('{"AutoMLJobName": "churn"}', "cli"), service ?? "", cli ?? "");

  const converted: ConvertResult = convert({ AutoMLJobName: "churn" }, "v2");
  const to: Api = converted.to;
  const moves: string[] = converted.moved.map((m: Moved) => `${m.from} -> ${m.to}`);
  const left: string[] = converted.leftOut.map((l: LeftOut) => `${l.pointer}: ${l.why}`);
  const unknown: string[] = converted.unknown.map((m) => m.from);
  const body: JobRequest = converted.request;
  lines.push(converted.json, converted.from, to, ...moves, ...left, ...unknown, ...converted.summary);
  lines.push(String(converted.check.valid), String(body.AutoMLJobName));
  lines.push(exportAs({ AutoMLJobName: "churn" }, "boto3", { allowInvalid: true, api: "v2" }));
  return lines;
}

export function misuses(): void {
  check("{}", { api: "v2" });
  // @ts-expect-error: "v3" is not an api the package knows
  check("{}", { api: "v3" });
  // @ts-expect-error: no such export target
  exportAs("{}", "yaml");
  // @ts-expect-error: importText reads a text
  importText({ AutoMLJobName: "churn" });
  // @ts-expect-error: a result is not a string
  const s: string = check("{}");
  // @ts-expect-error: severity is "error" or "warning"
  const v: "info" = check("{}").diagnostics[0].severity;
  // @ts-expect-error: line may be null
  const n: number = check("{}").diagnostics[0].line;
  // @ts-expect-error: unknown option
  exportAs("{}", "json", { allow: true });
  // @ts-expect-error: convert goes to "v1" or "v2"
  convert("{}", "v3");
  // @ts-expect-error: leftOut holds objects, not strings
  const l: string[] = convert("{}", "v1").leftOut;
  // @ts-expect-error: "v3" is not an api the package knows
  exportAs("{}", "json", { api: "v3" });
  void s, v, n, l;
}

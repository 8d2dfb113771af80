// The names of the tests that failed, read from the runners' JSON reports, so the end of a run
// (all that CI's summary keeps) says which test to look at, not only how many failed.

type VitestReport = { testResults: { name: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[] };
type PlaywrightSpec = { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] };
type PlaywrightSuite = { title: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
export type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites?: PlaywrightSuite[] };

// biome-ignore lint/suspicious/noControlCharactersInRegex: it strips the terminal colour codes the runners put in their messages
const firstLine = (message: string | undefined) => (message ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((line) => line.trim())?.trim().slice(0, 240) ?? "";

export function failedVitestTests(report: VitestReport | null): string[] {
  return (report?.testResults ?? []).flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === "failed")
      .map((test) => `${file.name.replace(`${process.cwd()}/`, "")} › ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`),
  );
}

export function failedPlaywrightTests(report: PlaywrightReport | null): string[] {
  const failed: string[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const error = test.results.find((result) => result.error)?.error?.message;
        failed.push(`${spec.file}:${spec.line} › ${spec.title}${test.status === "flaky" ? " (flaky)" : ""}\n    ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report?.suites ?? []) walk(suite);
  return failed;
}

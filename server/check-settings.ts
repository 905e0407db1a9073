// Imported first by server/index.ts, so it runs before any module of the app: in production, a missing or wrong
// setting stops Tandem with one clear line each, before anything else reads them.
import { productionSettingsProblems } from "../app/utils/env.server";

const problems = productionSettingsProblems();
if (problems.length > 0) {
  for (const problem of problems) console.error(`Tandem cannot start: ${problem}.`);
  process.exit(1);
}

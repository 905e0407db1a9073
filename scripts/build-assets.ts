// Builds public/css/tandem.css from Sass and copies GOV.UK Frontend's JavaScript to public/js.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as sass from "sass";

const require = createRequire(import.meta.url);
const govukDist = dirname(require.resolve("govuk-frontend/package.json"));

mkdirSync("public/css", { recursive: true });
mkdirSync("public/js", { recursive: true });

const result = sass.compile("app/styles/tandem.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
});
writeFileSync("public/css/tandem.css", result.css);
copyFileSync(join(govukDist, "dist/govuk/govuk-frontend.min.js"), "public/js/govuk-frontend.min.js");
console.log(
  `Built public/css/tandem.css (${Math.round(result.css.length / 1024)} KiB) and public/js/govuk-frontend.min.js`,
);

// Runs once before the browser tests: fail fast, with the fix, when there is no Chromium to drive.
import { existsSync } from "node:fs";
import { chromiumPath } from "./chromium-path";

export default function setup() {
  if (!existsSync(chromiumPath())) {
    throw new Error("Chromium is missing: install it with  apt-get update && apt-get install -y chromium");
  }
}

// The UK regions whose bank holidays differ: the division names of GOV.UK's bank holiday data.
import type { Region } from "./vocabulary";

export const REGION_LABELS: Record<Region, string> = {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};

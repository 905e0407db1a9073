// An organisation's nomination quota at import: the words the preview, its confirmation and the refusal share.
// Plain (no Node modules): the import page's form imports it in the browser too.

/** An organisation that importing would take over its nomination quota (participants representing it). */
export type QuotaWarning = { organisation: string; nominations: number; quota: number };

/** "Brightwater Consulting will have 3 nominations, over its quota of 2" */
export function overQuotaConfirmation(w: QuotaWarning): string {
  return `${w.organisation} will have ${w.nominations} nomination${w.nominations === 1 ? "" : "s"}, over its quota of ${w.quota}`;
}

// Who asks for a change, as the command runner and the audit log see them.
/**
 * Who asks for the change: a signed-in person and where from, or Tandem itself (the command line, a job); and the
 * address Tandem is served at, for links in emails (APP_URL when unset).
 */
export type Actor = { personId: number | null; address: string | null; appUrl?: string };

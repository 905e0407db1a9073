// What a command answers: done (with what the caller needs to say so), or why nothing changed. Plain values, so a
// route can turn a refusal into a form's errors without depending on the command layer.

export type Ok<T> = { ok: true } & T;
/** Someone else changed the record since the form was drawn; the message says so in plain words. */
export type Conflict = { ok: false; conflict: string };
/** The input breaks a rule only the database can check (a name already taken): messages by field name. */
export type Invalid = { ok: false; invalid: Record<string, string[]> };
/** The actor may not make this change to this record (not on the panel, in conflict with the team): 403. */
export type Forbidden = { ok: false; forbidden: string };
export type Outcome<T> = Ok<T> | Conflict | Invalid | Forbidden;
/** Why a command changed nothing. */
export type Refusal = Conflict | Invalid | Forbidden;

export function ok(): Ok<Record<never, never>>;
export function ok<T extends object>(value: T): Ok<T>;
export function ok<T extends object>(value?: T): Ok<T> {
  return { ok: true, ...(value as T) };
}

export function invalid(field: string, message: string): Invalid {
  return { ok: false, invalid: { [field]: [message] } };
}

export function forbidden(message: string): Forbidden {
  return { ok: false, forbidden: message };
}

export function conflict(record: string): Conflict {
  return {
    ok: false,
    conflict: `Someone else changed ${record} while you were working on it. Your changes are kept below: check them and save again.`,
  };
}

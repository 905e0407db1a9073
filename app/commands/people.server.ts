// A person's own data: anonymising them (on request, or when the retention period ends) and the record of a
// download of everything held about them.
import { mayReadPersonalData } from "~/auth/personal-data-access.server";
import { anonymisePerson, exportPersonalData } from "~/models/personal-data.server";
import { type Conflict, command, forbidden, ok } from "./runner.server";

const ALREADY_ANONYMISED: Conflict = {
  ok: false,
  conflict: "This person has already been anonymised: there is nothing more to remove",
};

type Anonymise = {
  personId: number;
  reason: "on request" | "retention period ended";
  via?: "cli" | "scheduler";
};

export const anonymise = command({
  async execute(c, input: Anonymise) {
    if (!(await anonymisePerson(c.tx, input.personId))) return ALREADY_ANONYMISED;
    c.audit({
      action: "person.anonymised",
      subjectType: "person",
      subjectId: input.personId,
      details: input.via ? { reason: input.reason, via: input.via } : { reason: input.reason },
    });
    return ok();
  },
});

/**
 * Reading someone's whole record changes nothing, but is worth tracing: the export and its audit entry go together.
 * Only the person themself and administrators may: the record reaches into every cohort they are in.
 */
export const exportPersonData = command({
  async execute(c, input: { personId: number }) {
    if (!(await mayReadPersonalData(c.tx, c.actor, input.personId)))
      return forbidden(
        "Only the person themself or an administrator can download everything Tandem holds about them",
      );
    const exported = await exportPersonalData(c.tx, input.personId);
    c.audit({
      action: "person.data_exported",
      subjectType: "person",
      subjectId: input.personId,
      details: {},
    });
    return ok({ exported });
  },
});

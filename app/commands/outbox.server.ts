// The outbox, from the administrators' side: sending again an email that failed or is still waiting.
import { MESSAGE_STATUSES } from "~/domain/vocabulary";
import { getMessage, requeueMessage } from "~/models/outbox.server";
import { command, invalid, ok } from "./runner.server";

/**
 * Puts a failed or waiting email back in the queue, to be sent at the delivery worker's next look. An email the
 * server has accepted (or that is being sent now) is never sent twice, so it is refused.
 */
export const retryMessage = command({
  async execute(c, input: { messageId: number; via?: "cli" }) {
    const message = await getMessage(c.tx, input.messageId);
    if (!message) return invalid("message", "There is no such email in the outbox");
    if (!(await requeueMessage(c.tx, message.id)))
      return invalid(
        "message",
        `This email cannot be sent again: it is ${MESSAGE_STATUSES[message.status].toLowerCase()}`,
      );
    c.audit({
      action: "email.resent",
      subjectType: "email",
      subjectId: message.id,
      cohortId: message.cohort_id,
      details: { kind: message.kind, subject: message.subject, ...(input.via ? { via: input.via } : {}) },
    });
    return ok({ subject: message.subject, to: message.to_address });
  },
});

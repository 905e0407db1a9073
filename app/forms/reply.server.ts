// Answers a form whose command refused the change: the user's input comes back with the reason, on the field it
// concerns (400) or, when someone else changed the record first, at the top of the form (409).
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Conflict, Invalid } from "~/commands/runner.server";

type Submission = {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
  }): SubmissionResult<string[]>;
};

export function refused(submission: Submission, outcome: Conflict | Invalid) {
  return "conflict" in outcome
    ? data(submission.reply({ formErrors: [outcome.conflict] }), { status: 409 })
    : data(submission.reply({ fieldErrors: outcome.invalid }), { status: 400 });
}

/** The submission's errors as they are, with the user's input, for a form that did not parse. */
export function invalidForm(submission: Submission) {
  return data(submission.reply(), { status: 400 });
}

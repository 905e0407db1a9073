// Answers a code that was not accepted: wrong, already used, or not tried (too many wrong codes lately), with the
// message by the field and in the error summary.
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { CodeResult } from "~/commands/second-factor.server";
import { codeWaitMessage } from "~/domain/second-factor";

type Submission = {
  reply(options: { fieldErrors: Record<string, string[]>; resetForm?: boolean }): SubmissionResult<string[]>;
};

export const WRONG_CODE = "The code is not right. Check it and try again.";
export const USED_CODE =
  "That code has been used already. Wait for your app to show a new code and enter that.";

export function codeRefusal(
  submission: Submission,
  result: Exclude<CodeResult, { status: "accepted" }>,
  field: string,
) {
  if (result.status === "wait") {
    return data(submission.reply({ fieldErrors: { [field]: [codeWaitMessage(result.retryAfterSeconds)] } }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  const message = result.status === "reused" ? USED_CODE : WRONG_CODE;
  return data(submission.reply({ fieldErrors: { [field]: [message] } }), { status: 400 });
}

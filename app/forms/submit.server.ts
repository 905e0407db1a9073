// The one path of a form that changes data: parse the form (Conform + zod), run the command as the person
// signed in, answer a refusal with the form's errors (400 invalid, 409 conflict, 403 forbidden) and a success
// with a redirect and a banner. An action reads: guard → submitForm(…).
import { parseWithZod } from "@conform-to/zod/v4";
import type { AppLoadContext } from "@remix-run/node";
import type { $ZodType, output } from "zod/v4/core";
import { actorOf } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { type Command, type Ok, type Refusal, run } from "~/commands/runner.server";
import { onceKey } from "~/forms/once";
import { invalidForm, refused } from "~/forms/reply.server";

/** Where a successful change sends the person, and the banner that page shows. */
export type Done = { to: string; banner: string };

const CHANGE = Symbol("change");

/** One command with its input and what to say when it succeeds: one button of a form with several. */
export type Change = {
  readonly [CHANGE]: (
    context: AppLoadContext,
    user: { personId: number },
    options: { once: string | null },
  ) => Promise<Refusal | Done>;
};

/**
 * The change a button makes: `command` run with `input`; when it succeeds, `done` (or what `done` makes of the
 * command's answer).
 */
export function change<I, T>(
  command: Command<I, T>,
  input: NoInfer<I>,
  done: Done | ((outcome: Ok<T>) => Done | Promise<Done>),
): Change {
  return {
    async [CHANGE](context, user, options) {
      const outcome = await run(context.db, actorOf(context, user), command, input, options);
      if (!outcome.ok) return outcome;
      return typeof done === "function" ? done(outcome) : done;
    },
  };
}

/**
 * A button that changes nothing yet and goes on to another page, such as a confirmation page that shows what
 * would change (no banner).
 */
export function goTo(to: string): Change {
  return {
    async [CHANGE]() {
      return { to, banner: "" };
    },
  };
}

type Form<S extends $ZodType> = {
  schema: S;
  /**
   * The form has list fields: a post that adds or removes a row (a Conform intent, sent when JavaScript is off)
   * is not a submission, and shows the form again with the rows changed.
   */
  rows?: true;
  /**
   * The form carries a one-time key (`<OnceOnly />`, for a form that creates a record): a change already made
   * with that key is not made again (a double click, a retried request), and its first outcome is answered.
   */
  once?: true;
};

/** A form with one command. */
export type CommandForm<S extends $ZodType, I, T> = Form<S> & {
  command: Command<I, T>;
  input: (value: output<S>) => NoInfer<I>;
  done: Done | ((outcome: Ok<T>, value: output<S>) => Done | Promise<Done>);
};

/**
 * A form with several buttons (a discriminated union on `intent`): the change the button makes, built with
 * `change(command, input, done)`, or a refusal when the change cannot be made at all.
 */
export type IntentForm<S extends $ZodType> = Form<S> & {
  change: (value: output<S>) => Change | Refusal | Promise<Change | Refusal>;
};

export function submitForm<S extends $ZodType, I, T>(
  context: AppLoadContext,
  request: Request,
  user: { personId: number },
  form: CommandForm<S, I, T>,
): ReturnType<typeof answer>;
export function submitForm<S extends $ZodType>(
  context: AppLoadContext,
  request: Request,
  user: { personId: number },
  form: IntentForm<S>,
): ReturnType<typeof answer>;
export function submitForm<S extends $ZodType, I, T>(
  context: AppLoadContext,
  request: Request,
  user: { personId: number },
  form: CommandForm<S, I, T> | IntentForm<S>,
) {
  const changeOf =
    "change" in form
      ? form.change
      : (value: output<S>) => {
          const { done } = form;
          return change(
            form.command,
            form.input(value),
            typeof done === "function" ? (outcome) => done(outcome, value) : done,
          );
        };
  return answer(context, request, user, form, changeOf);
}

async function answer<S extends $ZodType>(
  context: AppLoadContext,
  request: Request,
  user: { personId: number },
  form: Form<S>,
  changeOf: (value: output<S>) => Change | Refusal | Promise<Change | Refusal>,
) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: form.schema });
  if (form.rows && submission.status === undefined) return submission.reply();
  if (submission.status !== "success") return invalidForm(submission);
  const chosen = await changeOf(submission.value);
  const once = form.once ? onceKey(formData) : null;
  const result = CHANGE in chosen ? await chosen[CHANGE](context, user, { once }) : chosen;
  if ("ok" in result) return refused(submission, result);
  return redirectWithBanner(context, request, result.to, result.banner);
}

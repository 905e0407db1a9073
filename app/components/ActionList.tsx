// Agreed actions with their owner, due date and state; the owner (or a mentor or coordinator) ticks them off.
import { Form } from "@remix-run/react";
import { formatUkDate } from "~/domain/calendar";
import type { ActionState } from "~/domain/mentoring";
import { Tag } from "./govuk";

export type ActionItem = {
  id: number;
  text: string;
  ownerId: number;
  ownerName: string;
  dueDate: string;
  doneAt: string | null;
  sessionId: number;
  state: ActionState;
};

/** An agreed action as the mentoring model reads it. */
type ActionRow = {
  id: number;
  text: string;
  owner_id: number;
  owner_name: string;
  due_date: string;
  done_at: string | null;
};

/** A session's action in the list's terms, before `orderActions` gives it its state. */
export function actionItemOf(a: ActionRow, sessionId: number) {
  return {
    id: a.id,
    text: a.text,
    ownerId: a.owner_id,
    ownerName: a.owner_name,
    dueDate: a.due_date,
    doneAt: a.done_at,
    sessionId,
  };
}

type Props = {
  actions: ActionItem[];
  personId: number;
  mayTickAll: boolean;
  /** A session's page (`paths.cohort(id).teamOf(teamId).sessions.session`): each action is ticked on its own. */
  sessionPath: (sessionId: number) => string;
  returnTo: string;
};

const STATE_TAG = {
  open: { text: "Open", colour: "blue" },
  overdue: { text: "Overdue", colour: "red" },
  done: { text: "Done", colour: "green" },
} as const;

export function ActionList({ actions, personId, mayTickAll, sessionPath, returnTo }: Props) {
  if (actions.length === 0) return <p className="govuk-body">No actions were agreed.</p>;
  return (
    <ul className="govuk-list tandem-actions">
      {actions.map((a) => (
        <li key={a.id} className="tandem-actions__item">
          <p className="govuk-body govuk-!-margin-bottom-1">
            <Tag colour={STATE_TAG[a.state].colour}>{STATE_TAG[a.state].text}</Tag>{" "}
            <strong className="govuk-!-font-weight-bold">{a.text}</strong>
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            {a.ownerId === personId ? "Yours" : a.ownerName}, due {formatUkDate(a.dueDate)}
          </p>
          {a.ownerId === personId || mayTickAll ? (
            <Form method="post" action={sessionPath(a.sessionId)} className="govuk-!-margin-bottom-2">
              <input type="hidden" name="intent" value="tick" />
              <input type="hidden" name="actionId" value={a.id} />
              <input type="hidden" name="done" value={a.doneAt ? "no" : "yes"} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                {a.doneAt ? "Mark as not done" : "Mark as done"}
                <span className="govuk-visually-hidden">: {a.text}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

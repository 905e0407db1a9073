import type { ReactNode } from "react";
import { Tag, type TagColour } from "./Tag";
import { cx } from "./utils";

export interface TaskListItem {
  title: string;
  /** Omit while the task cannot be started. */
  href?: string;
  hint?: ReactNode;
  status: {
    text?: string;
    tag?: { text: string; colour?: TagColour };
    /** Greys out a text status, for tasks that depend on others. */
    cannotStartYet?: boolean;
  };
}

export interface TaskListProps {
  idPrefix?: string;
  items: TaskListItem[];
}

export function TaskList({ idPrefix = "task-list", items }: TaskListProps) {
  return (
    <ul className="govuk-task-list">
      {items.map((item, index) => {
        const hintId = `${idPrefix}-${index + 1}-hint`;
        const statusId = `${idPrefix}-${index + 1}-status`;
        return (
          <li
            key={item.title}
            className={cx("govuk-task-list__item", item.href && "govuk-task-list__item--with-link")}
          >
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  className="govuk-link govuk-task-list__link"
                  href={item.href}
                  aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}
                >
                  {item.title}
                </a>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint && (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              )}
            </div>
            <div
              className={cx(
                "govuk-task-list__status",
                item.status.cannotStartYet && "govuk-task-list__status--cannot-start-yet",
              )}
              id={statusId}
            >
              {item.status.tag ? (
                <Tag colour={item.status.tag.colour}>{item.status.tag.text}</Tag>
              ) : (
                item.status.text
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

// The audit log's filter (a GET form): who, what kind of record, and between which dates. A person, cohort, type or
// page that makes no sense is ignored rather than refused; a date that is not real is reported on its field.
import { z } from "zod";
import { govukDate, MAX_ID } from "./fields";

const ignoredIfWrong = <T extends z.ZodType>(type: T) => type.optional().catch(undefined);

export const AuditScopeSchema = z.object({
  person: ignoredIfWrong(z.number().int().positive().max(MAX_ID)),
  cohort: ignoredIfWrong(z.number().int().positive().max(MAX_ID)),
  type: ignoredIfWrong(z.string()),
  // Any number from 1 up, however large: the page says "not found" for one past the last.
  page: ignoredIfWrong(z.number().min(1).transform(Math.floor)),
});

/** A date left out altogether (three empty boxes) does not filter; one partly given must be real. */
const date = (label: string) =>
  z.preprocess(
    (parts) =>
      parts && typeof parts === "object" && Object.values(parts).some((p) => p !== undefined && p !== "")
        ? parts
        : undefined,
    govukDate({
      empty: `Enter the ${label} date`,
      invalid: `The ${label} date must be a real date, like 17 2 2027`,
    }).optional(),
  );

export const AuditDatesSchema = z
  .object({ from: date("from"), to: date("to") })
  .superRefine(({ from, to }, ctx) => {
    if (from && to && to < from)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "The to date must be the same as or after the from date",
      });
  });

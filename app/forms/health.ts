// The team health page's form: after how many days without a session a team is flagged.
import { z } from "zod";
import { version, wholeNumber } from "./fields";

export const QuietDaysSchema = z.object({
  quietDays: wholeNumber("days", 1, 365, 14),
  /** The number of days the form was drawn with: it stands for the setting's version. */
  expected: version,
});

export type QuietDaysInput = z.output<typeof QuietDaysSchema>;

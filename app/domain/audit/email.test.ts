import { describe, expect, it } from "vitest";
import { auditSentence } from "./index";

const who = { actor: "Sam Okafor", subject: "Sam Okafor" };

describe("the audit sentences of email preferences", () => {
  it("names the kinds turned off and on, by their labels", () => {
    expect(
      auditSentence(
        "email.preferences_saved",
        { off: ["visit_reminder", "action_due"], on: ["scoring_open"] },
        who,
      ),
    ).toBe(
      "Sam Okafor changed which emails they get: turned off “Reminder of a company visit the day before”, “An action of yours is due tomorrow”; turned on “Scoring is open”",
    );
    expect(auditSentence("email.preferences_saved", { off: [], on: ["team_published"] }, who)).toBe(
      "Sam Okafor changed which emails they get: turned on “Your team is published”",
    );
  });

  it("says a kind was turned off with the link in an email", () => {
    expect(auditSentence("email.unsubscribed", { kind: "results_released" }, who)).toBe(
      "Sam Okafor turned off “Your team's pitch feedback is released” emails with the link in one of them",
    );
  });
});

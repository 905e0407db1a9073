import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { actionDueMail, healthDigestMail, sessionOverdueMail, visitReminderMail } from "./mail/templates";
import {
  type DigestCohortFacts,
  type QuietTeamFacts,
  quietSpell,
  type Recipient,
  type Reminder,
  type ReminderFacts,
  reminderDay,
  reminderKey,
  remindersDue,
  type VisitFacts,
  visitCalendarFile,
} from "./reminders";
import { firstWorkingDayOfWeek, isWorkingDay, mondayOf, workingDayBefore } from "./working-days";

const pat: Recipient = {
  id: 1,
  name: "Pat Participant",
  email: "pat@example.test",
  region: "england-and-wales",
};
const sid: Recipient = { id: 2, name: "Sid Scot", email: "sid@example.test", region: "scotland" };
const nora: Recipient = { id: 3, name: "Nora Nowhere", email: "nora@example.test", region: null };
const max: Recipient = { id: 4, name: "Max Mentor", email: "max@example.test", region: "england-and-wales" };

const none: ReminderFacts = { visits: [], quietTeams: [], actions: [], digests: [] };

function visit(
  date: string,
  expected: VisitFacts["expected"] = [{ ...pat, role: "participant" }],
): VisitFacts {
  return {
    id: 7,
    cohortId: 3,
    cohortName: "Tech Connect 2027",
    hostName: "Kestrel Ltd",
    date,
    startTime: "10:00",
    endTime: "15:30",
    address: "1 Quay Street\nBristol",
    agenda: "Tour and talks",
    contactName: "Kim Host",
    sequence: 2,
    updatedAt: "2027-01-20T09:00:00.000Z",
    expected,
  };
}

const keysOn = (today: string, facts: Partial<ReminderFacts>) =>
  remindersDue(today, { ...none, ...facts }).map(reminderKey);

describe("working days", () => {
  it("skips weekends and the bank holidays of the person's region", () => {
    expect(workingDayBefore("2027-02-08", "england-and-wales")).toBe("2027-02-05");
    // Easter 2027: Good Friday 26 March everywhere, Easter Monday 29 March except in Scotland.
    expect(workingDayBefore("2027-03-30", "england-and-wales")).toBe("2027-03-25");
    expect(workingDayBefore("2027-03-30", "scotland")).toBe("2027-03-29");
    expect(workingDayBefore("2027-03-30", null)).toBe("2027-03-25");
    expect(isWorkingDay("2027-08-02", "scotland")).toBe(false);
    expect(isWorkingDay("2027-08-02", "england-and-wales")).toBe(true);
    expect(mondayOf("2027-04-04")).toBe("2027-03-29");
    expect(mondayOf("2027-03-29")).toBe("2027-03-29");
    expect(firstWorkingDayOfWeek("2027-04-01", "england-and-wales")).toBe("2027-03-30");
    expect(firstWorkingDayOfWeek("2027-04-01", "scotland")).toBe("2027-03-29");
  });
});

describe("the day whose reminders are due", () => {
  it("starts at 8am London time, in winter (GMT) and in summer (BST)", () => {
    expect(reminderDay(new Date("2027-03-26T07:59:00Z"))).toBeNull();
    expect(reminderDay(new Date("2027-03-26T08:00:00Z"))).toBe("2027-03-26");
    // Clocks went forward on Sunday 28 March 2027: 7am UTC on the Monday is 8am in London.
    expect(reminderDay(new Date("2027-03-29T06:59:00Z"))).toBeNull();
    expect(reminderDay(new Date("2027-03-29T07:00:00Z"))).toBe("2027-03-29");
    // And back on Sunday 31 October 2027: 7:30am UTC on the Monday is 7:30am in London.
    expect(reminderDay(new Date("2027-11-01T07:30:00Z"))).toBeNull();
    expect(reminderDay(new Date("2027-11-01T08:00:00Z"))).toBe("2027-11-01");
  });

  it("takes London's date, not UTC's, around midnight", () => {
    expect(reminderDay(new Date("2027-03-28T23:30:00Z"), 0)).toBe("2027-03-29");
    expect(reminderDay(new Date("2027-01-10T23:30:00Z"), 0)).toBe("2027-01-10");
    expect(reminderDay(new Date("2027-10-30T23:30:00Z"), 0)).toBe("2027-10-31");
  });
});

describe("visit reminders", () => {
  it("are due on the Friday before a Monday visit, caught up at the weekend, under one key", () => {
    const visits = [visit("2027-02-08")];
    expect(keysOn("2027-02-04", { visits })).toEqual([]);
    expect(keysOn("2027-02-05", { visits })).toEqual(["visit_reminder:1:visit-7:2027-02-08"]);
    expect(keysOn("2027-02-06", { visits })).toEqual(["visit_reminder:1:visit-7:2027-02-08"]);
    expect(keysOn("2027-02-08", { visits })).toEqual([]);
  });

  it("skip the bank holidays of each person's region (England and Wales when unknown)", () => {
    const visits = [
      visit("2027-03-30", [
        { ...pat, role: "participant" },
        { ...sid, role: "participant" },
        { ...nora, role: "mentor" },
      ]),
    ];
    expect(keysOn("2027-03-24", { visits })).toEqual([]);
    expect(keysOn("2027-03-25", { visits })).toEqual([
      "visit_reminder:1:visit-7:2027-03-30",
      "visit_reminder:3:visit-7:2027-03-30",
    ]);
    // Easter Monday is a working day in Scotland: Sid hears then; the others' reminders are the same ones again.
    expect(keysOn("2027-03-29", { visits })).toEqual([
      "visit_reminder:1:visit-7:2027-03-30",
      "visit_reminder:2:visit-7:2027-03-30",
      "visit_reminder:3:visit-7:2027-03-30",
    ]);
  });

  it("remind someone in the cohort twice only once", () => {
    const visits = [
      visit("2027-02-08", [
        { ...pat, role: "participant" },
        { ...pat, role: "mentor" },
      ]),
    ];
    expect(keysOn("2027-02-05", { visits })).toHaveLength(1);
  });

  it("carry the visit as a calendar event, in UTC across the clock change", () => {
    const file = visitCalendarFile(visit("2027-03-30"));
    expect(file.filename).toBe("visit.ics");
    expect(file.contentType).toContain("text/calendar");
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(file.content)).getFirstSubcomponent("vevent")!,
    );
    expect(event.uid).toBe("visit-7@tandem");
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe("Tech Connect 2027: visit to Kestrel Ltd");
    expect(event.location).toBe("1 Quay Street\nBristol");
    // 10am BST is 9am UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-30T09:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-30T14:30:00.000Z");
  });
});

describe("quiet teams", () => {
  const team = (lastSessionDate: string | null, mentors: Recipient[] = [max]): QuietTeamFacts => ({
    id: 11,
    number: 3,
    name: "Blue",
    cohortId: 3,
    cohortName: "Tech Connect 2027",
    cohortStart: "2027-01-04",
    weeks: 12,
    quietDays: 14,
    lastSessionDate,
    mentors,
  });

  it("remind the mentors once per threshold period after it passes", () => {
    const quietTeams = [team("2027-02-01")];
    expect(keysOn("2027-02-15", { quietTeams })).toEqual([]);
    expect(keysOn("2027-02-16", { quietTeams })).toEqual(["session_overdue:4:team-11:2027-02-16"]);
    expect(keysOn("2027-02-26", { quietTeams })).toEqual(["session_overdue:4:team-11:2027-02-16"]);
    expect(keysOn("2027-03-01", { quietTeams })).toEqual(["session_overdue:4:team-11:2027-02-16"]);
    expect(keysOn("2027-03-02", { quietTeams })).toEqual(["session_overdue:4:team-11:2027-03-02"]);
    expect(quietSpell("2027-02-01", "2027-01-04", 14, "2027-03-02")).toEqual({
      since: "2027-02-01",
      days: 29,
      periodStart: "2027-03-02",
    });
  });

  it("count from the cohort's start for a team that never met, and only on the mentor's working days", () => {
    const quietTeams = [team(null, [max, sid])];
    expect(keysOn("2027-01-18", { quietTeams })).toEqual([]);
    expect(keysOn("2027-01-19", { quietTeams })).toEqual([
      "session_overdue:4:team-11:2027-01-19",
      "session_overdue:2:team-11:2027-01-19",
    ]);
    expect(keysOn("2027-01-23", { quietTeams })).toEqual([]);
  });

  it("stop when the cohort has ended (Sunday 28 March, after 12 weeks)", () => {
    expect(keysOn("2027-03-25", { quietTeams: [team("2027-03-01")] })).toHaveLength(1);
    expect(keysOn("2027-03-30", { quietTeams: [team("2027-03-01")] })).toEqual([]);
  });
});

describe("actions due", () => {
  const action = {
    id: 21,
    text: "Draft the survey",
    dueDate: "2027-02-08",
    sessionId: 5,
    teamId: 11,
    teamNumber: 3,
    teamName: null,
    cohortId: 3,
    cohortName: "Tech Connect 2027",
    owner: pat,
  };

  it("are due the working day before their date", () => {
    expect(keysOn("2027-02-04", { actions: [action] })).toEqual([]);
    expect(keysOn("2027-02-05", { actions: [action] })).toEqual(["action_due:1:action-21:2027-02-08"]);
    expect(keysOn("2027-02-07", { actions: [action] })).toEqual(["action_due:1:action-21:2027-02-08"]);
    expect(keysOn("2027-02-08", { actions: [action] })).toEqual([]);
  });
});

describe("the coordinators' weekly digest", () => {
  const cohort = (id: number, coordinators: Recipient[]): DigestCohortFacts => ({
    id,
    name: `Cohort ${id}`,
    startDate: "2027-01-04",
    quietDays: 14,
    statementDeadline: "2027-01-29",
    teams: [
      {
        id: id * 10 + 1,
        number: 1,
        name: "Blue",
        lastSessionDate: "2027-03-20",
        firstSubmittedAt: "2027-01-28T10:00:00Z",
        statementStatus: "approved",
      },
      {
        id: id * 10 + 2,
        number: 2,
        name: null,
        lastSessionDate: null,
        firstSubmittedAt: null,
        statementStatus: null,
      },
    ],
    coordinators,
  });

  it("goes on Monday to each coordinator, one mail for all their cohorts, with the health flags", () => {
    const due = remindersDue("2027-03-22", { ...none, digests: [cohort(1, [pat]), cohort(2, [pat, max])] });
    expect(due.map(reminderKey)).toEqual([
      "health_digest:1:week:2027-03-22",
      "health_digest:4:week:2027-03-22",
    ]);
    const digest = due[0] as Extract<Reminder, { kind: "health_digest" }>;
    expect(digest.cohortId).toBeNull();
    expect(digest.cohorts.map((c) => c.name)).toEqual(["Cohort 1", "Cohort 2"]);
    expect(digest.cohorts[0]!.flagged).toEqual([
      {
        id: 12,
        label: "Team 2",
        flags: [
          { kind: "quiet", text: "No session in 77 days since the start" },
          { kind: "statement", text: "Problem statement overdue" },
        ],
      },
    ]);
    expect((due[1] as Extract<Reminder, { kind: "health_digest" }>).cohortId).toBe(2);
  });

  it("waits for the first working day of the week where the coordinator is", () => {
    const digests = [cohort(1, [pat, sid])];
    // Easter Monday 2027 is a bank holiday in England and Wales, not in Scotland.
    expect(keysOn("2027-03-29", { digests })).toEqual(["health_digest:2:week:2027-03-29"]);
    expect(keysOn("2027-03-30", { digests })).toEqual(["health_digest:1:week:2027-03-29"]);
    expect(keysOn("2027-03-31", { digests })).toEqual([]);
    expect(keysOn("2027-03-23", { digests })).toEqual([]);
  });
});

describe("reminder mails", () => {
  const unsubscribe = "https://tandem.example.test/profile";

  it("visit reminder: when, where and who hosts, with the link and the way to stop them", () => {
    const mail = visitReminderMail({
      name: "Pat Participant",
      role: "participant",
      today: "2027-03-29",
      cohort: "Tech Connect 2027",
      host: "Kestrel Ltd",
      date: "2027-03-30",
      startTime: "10:00",
      endTime: "15:30",
      address: "1 Quay Street\nBristol",
      contactName: "Kim Host",
      link: "https://tandem.example.test/cohorts/3/visits/7",
      unsubscribe,
    });
    expect(mail.subject).toBe("Company visit tomorrow: Kestrel Ltd");
    expect(mail.text).toContain(
      "Tech Connect 2027 visits Kestrel Ltd tomorrow, Tuesday 30 March 2027, from 10am to 3:30pm.",
    );
    expect(mail.text).toContain("Address:\n1 Quay Street\nBristol");
    expect(mail.text).toContain("Host contact: Kim Host");
    expect(mail.text).toContain("See the visit:\nhttps://tandem.example.test/cohorts/3/visits/7");
    expect(mail.text).toContain(`Stop these emails: ${unsubscribe}`);
    expect(mail.html).toContain("1 Quay Street<br>Bristol");
  });

  it("says the day, not 'tomorrow', when the reminder comes earlier", () => {
    const mail = actionDueMail({
      name: "Pat Participant",
      today: "2027-02-05",
      cohort: "Tech Connect 2027",
      team: "Team 3",
      action: "Draft the <survey>",
      dueDate: "2027-02-08",
      link: "https://tandem.example.test/cohorts/3/teams/11/sessions/5",
      unsubscribe,
    });
    expect(mail.subject).toBe("Your action is due on Monday 8 February 2027");
    expect(mail.text).toContain("Draft the <survey>");
    expect(mail.html).toContain("Draft the &lt;survey&gt;");
  });

  it("quiet team and digest read plainly", () => {
    const quiet = sessionOverdueMail({
      name: "Max Mentor",
      cohort: "Tech Connect 2027",
      teamNumber: 3,
      team: "Team 3: Blue",
      lastSession: "2027-02-01",
      days: 15,
      quietDays: 14,
      link: "https://tandem.example.test/cohorts/3/teams/11/sessions/new",
      unsubscribe,
    });
    expect(quiet.subject).toBe("No session logged with Team 3 for 15 days");
    expect(quiet.text).toContain("since 1 February 2027, 15 days ago");
    const digest = healthDigestMail({
      name: "Cora Coordinator",
      weekOf: "2027-03-22",
      cohorts: [
        {
          name: "Cohort 1",
          teams: 2,
          flagged: [{ label: "Team 2", flags: ["No session for 20 days", "Problem statement overdue"] }],
          link: "https://tandem.example.test/cohorts/1/health",
        },
        { name: "Cohort 2", teams: 4, flagged: [], link: "https://tandem.example.test/cohorts/2/health" },
      ],
      unsubscribe,
    });
    expect(digest.subject).toBe("Team health this week: 1 team needs attention");
    expect(digest.text).toContain(
      "Cohort 1: 1 of 2 teams needs attention:\nTeam 2: No session for 20 days; Problem statement overdue",
    );
    expect(digest.text).toContain("Cohort 2: no team needs attention (4 teams).");
  });
});

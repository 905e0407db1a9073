// The messages that changes cause, read as text: subject, who and why, the link, and the link that stops them.
import { describe, expect, it } from "vitest";
import {
  panelAddedMail,
  resultsReleasedMail,
  scoringOpenMail,
  secondFactorResetMail,
  statementApprovedMail,
  statementChangesRequestedMail,
  statementSubmittedMail,
  teamPublishedMail,
} from "./templates";

const common = {
  name: "Sam Okafor",
  cohort: "Tech Connect 2027",
  link: "https://tandem.example.test/cohorts/1/team",
  unsubscribe: "https://tandem.example.test/unsubscribe/7.team_published.abc",
};

describe("the emails changes cause", () => {
  it("your team is published: the team, its members and mentors, the link, and how to stop these emails", () => {
    const mail = teamPublishedMail({
      ...common,
      team: "Team 2: Blue Sky",
      role: "member",
      members: ["Sam Okafor", "Tia Teammate"],
      mentors: ["Ian Industry", "Gita Government"],
      publishedBy: "Fiona Marsden",
    });
    expect(mail.subject).toBe("Your team in Tech Connect 2027");
    expect(mail.text).toBe(
      [
        "Dear Sam Okafor,",
        "Fiona Marsden published the teams of Tech Connect 2027. You are in Team 2: Blue Sky.",
        "Members: Sam Okafor, Tia Teammate\nMentors: Ian Industry, Gita Government",
        "See your team:\nhttps://tandem.example.test/cohorts/1/team",
        "—",
        "Tandem",
        "You are getting this email because you are a participant in Tech Connect 2027.",
        "Stop these emails: https://tandem.example.test/unsubscribe/7.team_published.abc",
      ].join("\n\n"),
    );
    expect(mail.html).toContain('href="https://tandem.example.test/unsubscribe/7.team_published.abc"');
    const mentor = teamPublishedMail({
      ...common,
      team: "Team 2",
      role: "mentor",
      members: [],
      mentors: [],
      publishedBy: null,
    });
    expect(mentor.text).toContain(
      "Your coordinator published the teams of Tech Connect 2027. You are mentoring Team 2.",
    );
    expect(mentor.text).toContain("Members: none yet\nMentors: not paired yet");
    expect(mentor.text).toContain("because you are a mentor in Tech Connect 2027");
  });

  it("escapes names in the HTML part", () => {
    const mail = teamPublishedMail({
      ...common,
      name: "<b>Sam</b>",
      team: "Team 1",
      role: "member",
      members: ["<script>x</script>"],
      mentors: [],
      publishedBy: null,
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(mail.html).toContain("Dear &lt;b&gt;Sam&lt;/b&gt;,");
  });

  it("problem statement submitted: to a mentor, naming who submitted which version", () => {
    const mail = statementSubmittedMail({
      ...common,
      team: "Team 1",
      version: 3,
      submittedBy: "Tia Teammate",
    });
    expect(mail.subject).toBe("Team 1 submitted its problem statement");
    expect(mail.text).toContain(
      "Tia Teammate submitted version 3 of Team 1's problem statement for you and the team's other mentor to review.",
    );
    expect(mail.text).toContain(`Review the problem statement:\n${common.link}`);
    expect(mail.text).toContain("because you mentor Team 1 in Tech Connect 2027");
    expect(mail.text).toContain(`Stop these emails: ${common.unsubscribe}`);
  });

  it("changes requested: to the team, with the mentor's comment; approved: to the team", () => {
    const changes = statementChangesRequestedMail({
      ...common,
      team: "Team 1",
      version: 2,
      mentor: "Ian Industry",
      comment: "Say who is affected.\nAnd how many.",
    });
    expect(changes.subject).toBe("Your mentors asked for changes to your problem statement");
    expect(changes.text).toContain(
      "Ian Industry asked for changes to version 2 of Team 1's problem statement.",
    );
    expect(changes.text).toContain("Their comment:\nSay who is affected.\nAnd how many.");
    expect(changes.html).toContain("Their comment:<br>Say who is affected.<br>And how many.");
    expect(changes.text).toContain(`Open the problem statement:\n${common.link}`);
    expect(
      statementChangesRequestedMail({ ...common, team: "Team 1", version: 2, mentor: "Ian", comment: null })
        .text,
    ).toContain("They did not leave a comment.");
    const approved = statementApprovedMail({ ...common, team: "Team 1", version: 4 });
    expect(approved.subject).toBe("Your problem statement is approved");
    expect(approved.text).toContain("Your mentors approved version 4 of Team 1's problem statement.");
    expect(approved.text).toContain("because you are in Team 1 in Tech Connect 2027");
  });

  it("added to the panel: the day, the time and the place", () => {
    const mail = panelAddedMail({
      ...common,
      addedBy: "Fiona Marsden",
      date: "2027-03-24",
      startTime: "13:30",
      venue: "Churchill Room, 1 Horse Guards Road",
      onlineLink: null,
    });
    expect(mail.subject).toBe("You are on the pitch-day panel for Tech Connect 2027");
    expect(mail.text).toContain("Fiona Marsden added you to the panel of senior leaders");
    expect(mail.text).toContain(
      "When: Wednesday 24 March 2027, starting at 1:30pm\nWhere: Churchill Room, 1 Horse Guards Road",
    );
    expect(
      panelAddedMail({
        ...common,
        addedBy: null,
        date: "2027-03-24",
        startTime: "10:00",
        venue: null,
        onlineLink: null,
      }).text,
    ).toContain("starting at 10am\nWhere: to be confirmed");
  });

  it("scoring is open, and results released: the link, never a score", () => {
    const open = scoringOpenMail(common);
    expect(open.subject).toBe("Scoring is open for Tech Connect 2027's pitch day");
    expect(open.text).toContain(`Open your scoring sheets:\n${common.link}`);
    const released = resultsReleasedMail({ ...common, team: "Team 3" });
    expect(released.subject).toBe("Your team's pitch feedback is ready");
    expect(released.text).toContain(
      "The panel's feedback on Team 3's pitch on Tech Connect 2027's pitch day is released.",
    );
    expect(released.text).toContain(`Read your team's feedback:\n${common.link}`);
    expect(released.text).not.toMatch(/score|\d+ ?(\/|out of) ?\d+|rank/i);
  });
});

describe("the email after an administrator resets two-step verification", () => {
  it("says who reset it and when, what to do next, what to do if it was not them, and has no way to turn it off", () => {
    const mail = secondFactorResetMail({
      name: "Sam Okafor",
      resetBy: "Ada Admin",
      signIn: "https://tandem.example.test/sign-in",
      at: "2026-12-03T10:15:00.000Z",
    });
    expect(mail.subject).toBe("Your Tandem two-step verification was reset");
    expect(mail.text).toContain("Ada Admin reset the two-step verification of your Tandem account on");
    expect(mail.text).toContain("you were signed out");
    expect(mail.text).toContain("https://tandem.example.test/sign-in");
    expect(mail.text).toContain("If you did not ask for this");
    expect(mail.text).not.toContain("Stop these emails");
  });
});

// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SummaryList } from "./SummaryList";
import { expectToMatchFixture } from "./test-helpers";

const CONTACT = (
  <>
    <p className="govuk-body">email@email.com</p>
    <p className="govuk-body">
      Address line 1<br />
      Address line 2<br />
      Address line 3<br />
      Address line 4<br />
      Address line 5
    </p>
  </>
);

describe("SummaryList", () => {
  it.each([
    [
      "default",
      <SummaryList
        key="default"
        rows={[
          { key: "Name", value: "Firstname Lastname" },
          { key: "Date of birth", value: "13/08/1980" },
          { key: "Contact information", value: CONTACT },
        ]}
      />,
    ],
    [
      "with actions",
      <SummaryList
        key="actions"
        rows={[
          {
            key: "Name",
            value: "Firstname Lastname",
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "name" },
              { href: "#", text: "Delete", visuallyHiddenText: "name" },
            ],
          },
          {
            key: "Date of birth",
            value: "13/08/1980",
            actions: [{ href: "#", text: "Change", visuallyHiddenText: "date of birth" }],
          },
          {
            key: "Contact information",
            value: CONTACT,
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "contact information" },
              { href: "#", text: "Change", visuallyHiddenText: "contact information" },
            ],
          },
        ]}
      />,
    ],
    [
      "no-border",
      <SummaryList
        key="no-border"
        noBorder
        rows={[
          { key: "Name", value: "Firstname Lastname" },
          { key: "Date of birth", value: "13/08/1980" },
          { key: "Contact information", value: CONTACT },
        ]}
      />,
    ],
    [
      "with some actions",
      <SummaryList
        key="some-actions"
        rows={[
          {
            key: "Name",
            value: "Firstname Lastname",
            actions: [
              { href: "#", text: "Edit", visuallyHiddenText: "name" },
              { href: "#", text: "Delete", visuallyHiddenText: "name" },
            ],
          },
          { key: "Date of birth", value: "13/08/1980" },
          { key: "Contact information", value: CONTACT },
        ]}
      />,
    ],
    [
      "actions href",
      <SummaryList
        key="href"
        rows={[
          {
            key: "Name",
            value: "Firstname Lastname",
            actions: [{ href: "https://www.gov.uk", text: "Go to GOV.UK" }],
          },
        ]}
      />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "summary-list", fixture);
  });

  it("gives action links an accessible name that includes the row", () => {
    render(
      <SummaryList
        rows={[
          {
            key: "Department",
            value: "HM Treasury",
            actions: [{ href: "/profile/department", text: "Change", visuallyHiddenText: "department" }],
          },
          { key: "Grade", value: "SEO" },
        ]}
      />,
    );
    expect(screen.getByRole("link", { name: "Change department" }).getAttribute("href")).toBe(
      "/profile/department",
    );
  });
});

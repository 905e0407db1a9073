// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NotificationBanner } from "./NotificationBanner";
import { expectToMatchFixture } from "./test-helpers";

describe("NotificationBanner", () => {
  it.each([
    [
      "default",
      <NotificationBanner key="default">This publication was withdrawn on 7 March 2014.</NotificationBanner>,
    ],
    [
      "with type as success",
      <NotificationBanner key="success" type="success">
        Email sent to example@email.com
      </NotificationBanner>,
    ],
    [
      "with text as html",
      <NotificationBanner key="html">
        <h3 className="govuk-notification-banner__heading">This publication was withdrawn on 7 March 2014</h3>
        <p className="govuk-body">The following 4 files are available</p>
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
          {[
            "government-strategy",
            "government-strategy-v2",
            "government-strategy-v3-FINAL",
            "government-strategy-v4-FINAL-v2",
          ].map((file) => (
            <li key={file}>
              {/* biome-ignore lint/a11y/useValidAnchor: fixture content */}
              <a href="#" className="govuk-notification-banner__link">
                {file}.pdf
              </a>
            </li>
          ))}
        </ul>
      </NotificationBanner>,
    ],
    [
      "custom title",
      <NotificationBanner key="title" title="Important information">
        This publication was withdrawn on 7 March 2014.
      </NotificationBanner>,
    ],
    [
      "custom title id with type as success",
      <NotificationBanner key="title-id" type="success" titleId="my-id">
        Email sent to example@email.com
      </NotificationBanner>,
    ],
    [
      "custom role",
      <NotificationBanner key="role" role="banner">
        This publication was withdrawn on 7 March 2014.
      </NotificationBanner>,
    ],
    [
      "auto-focus disabled, with type as success",
      <NotificationBanner key="no-focus" type="success" disableAutoFocus>
        Email sent to example@email.com
      </NotificationBanner>,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "notification-banner", fixture);
  });

  it("announces success banners as alerts labelled by their title", () => {
    render(<NotificationBanner type="success">Your profile has been saved</NotificationBanner>);
    const banner = screen.getByRole("alert");
    expect(banner.getAttribute("aria-labelledby")).toBe("govuk-notification-banner-title");
    expect(document.getElementById("govuk-notification-banner-title")?.textContent).toBe("Success");
  });
});

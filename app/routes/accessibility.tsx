import { RouteErrorBoundary } from "~/components/ErrorPage";
import { StaticPage } from "~/components/StaticPage";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Accessibility statement");
export const ErrorBoundary = RouteErrorBoundary;

export default function Accessibility() {
  return (
    <StaticPage heading="Accessibility statement for Tandem">
      <p className="govuk-body">
        Tandem is used to run cohort-based mentoring programmes. We want as many people as possible to be able
        to use it. You should be able to:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole service using just a keyboard or speech recognition software</li>
        <li>use the service with a screen reader</li>
        <li>use every page with JavaScript turned off</li>
      </ul>
      <h2 className="govuk-heading-m">How we test Tandem</h2>
      <p className="govuk-body">
        Tandem is built with the GOV.UK Design System. Every page is checked automatically against the Web
        Content Accessibility Guidelines (WCAG) 2.2 at levels A and AA each time the service changes, in a
        browser with JavaScript both on and off.
      </p>
      <h2 className="govuk-heading-m">Compliance status</h2>
      <p className="govuk-body">
        We aim for Tandem to be fully compliant with WCAG 2.2 AA. Automated checks find many problems but not
        all; if you find something that does not work for you, tell us.
      </p>
      <h2 className="govuk-heading-m">Reporting accessibility problems</h2>
      <p className="govuk-body">
        Contact your cohort coordinator. They will pass it to the team that runs Tandem, and we will reply
        within 5 working days.
      </p>
    </StaticPage>
  );
}

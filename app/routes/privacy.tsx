import { RouteErrorBoundary } from "~/components/ErrorPage";
import { pageMeta } from "~/meta";

export const meta = pageMeta("Privacy notice");
export const ErrorBoundary = RouteErrorBoundary;

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          This notice explains what personal data Tandem holds about people taking part in a programme, why,
          and for how long.
        </p>
        <h2 className="govuk-heading-m">What we hold</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            your name, work email address, organisation, job title and profession, as given by the
            organisation that nominated you
          </li>
          <li>your role in each cohort (participant, mentor, senior leader or coordinator)</li>
          <li>
            a record of when you signed in and the changes you made, kept so that every change can be traced
          </li>
          <li>your password, stored only as a one-way hash that nobody can read</li>
        </ul>
        <h2 className="govuk-heading-m">Why we hold it</h2>
        <p className="govuk-body">
          To run the programme you take part in: to form teams, schedule visits and sessions, and report to
          the sponsor on what the programme achieved. The lawful basis is the performance of a task in the
          public interest.
        </p>
        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">
          Personal data is kept for 24 months after the last cohort you took part in ends, then anonymised.
          Figures that identify nobody are kept to show what the programme achieved.
        </p>
        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask for a copy of everything Tandem holds about you, and ask for it to be corrected or
          deleted. Ask your cohort coordinator; they will answer within one month.
        </p>
      </div>
    </div>
  );
}

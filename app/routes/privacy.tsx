import { RouteErrorBoundary } from "~/components/ErrorPage";
import { StaticPage } from "~/components/StaticPage";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Privacy notice");
export const ErrorBoundary = RouteErrorBoundary;

export default function Privacy() {
  return (
    <StaticPage heading="Privacy notice">
      <p className="govuk-body">
        This notice explains what personal data Tandem holds about people taking part in a programme, why, for
        how long, and how to ask for it.
      </p>
      <h2 className="govuk-heading-m">What we hold</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          your name, work email address, organisation, job title and profession, as given by the organisation
          that nominated you, and your line manager's email address if you are a participant
        </li>
        <li>
          your role in each cohort (participant, mentor, senior leader, coordinator or sponsor), your team,
          and whether you were released for the programme or withdrew
        </li>
        <li>your attendance at company visits</li>
        <li>
          your answers to the skills self-assessment at the start and end of the programme (seen only by you
          and your cohort's coordinators; the sponsor sees figures for the whole cohort, never your answers)
        </li>
        <li>what became of your team's solution in the months after the programme</li>
        <li>
          a record of the changes made in Tandem and who made them (the audit log), kept so that every change
          can be traced
        </li>
        <li>your password, stored only as a one-way hash that nobody can read, and your sign-in sessions</li>
      </ul>
      <h2 className="govuk-heading-m">Why we hold it</h2>
      <p className="govuk-body">
        To run the programme you take part in: to form teams, schedule visits, and report to the sponsor and
        to the public register of evaluations on what the programme achieved. Reports show figures for the
        whole cohort. The lawful basis is the performance of a task in the public interest.
      </p>
      <h2 className="govuk-heading-m">How long we keep it</h2>
      <p className="govuk-body">
        Each programme sets a retention period: by default, 24 months after the last cohort you took part in
        ends. Tandem then anonymises you: your name and email address are replaced, your job title, your line
        manager's email address and your sign-in details are removed, and you are signed out. Figures that
        identify nobody (such as attendance rates and the change in skills) and your team's work are kept to
        show what the programme achieved. The audit log cannot be changed, so its entries remain, but they
        show your anonymised name.
      </p>
      <h2 className="govuk-heading-m">Your rights and how to ask</h2>
      <p className="govuk-body">
        You can download a copy of everything Tandem holds about you at any time from your profile page
        ("Download everything Tandem holds about you"). You can also ask a system administrator for a copy, or
        ask your cohort coordinator or an administrator for your data to be corrected, or to be anonymised
        before the retention period ends; a system administrator can anonymise you on request. Requests are
        answered within one month.
      </p>
    </StaticPage>
  );
}

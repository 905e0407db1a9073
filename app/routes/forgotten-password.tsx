import { Link } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("If you have forgotten your password");
export const ErrorBoundary = RouteErrorBoundary;

export default function ForgottenPassword() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">If you have forgotten your password</h1>
        <p className="govuk-body">
          Ask your cohort coordinator for a new sign-in link. They can create one for you in Tandem; it lets
          you choose a new password and works once, for 7 days.
        </p>
        <p className="govuk-body">If you are a coordinator, ask a system administrator.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={paths.signIn()}>
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}

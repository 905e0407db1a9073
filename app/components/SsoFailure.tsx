// The page a failed sign-in through an identity provider ends on: what happened in plain words, what to do, and
// the way back to signing in. Never the library's error.
import { type SsoFailure as Reason, ssoFailureAdvice } from "~/domain/sso";
import { paths } from "~/utils/paths";
import { LinkParagraph } from "./LinkParagraph";

export function SsoFailure({ providerName, reason }: { providerName: string; reason: Reason }) {
  const advice = ssoFailureAdvice(reason, providerName);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">We could not sign you in with {providerName}</h1>
        <p className="govuk-body">{advice.what}</p>
        <p className="govuk-body">{advice.todo}</p>
        <LinkParagraph to={paths.signIn()}>Go to sign in</LinkParagraph>
      </div>
    </div>
  );
}

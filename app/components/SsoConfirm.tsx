// "Confirm with <provider>": how a person whose session came from single sign-on confirms it is them before a
// dangerous action, by signing in at the provider again. For the confirm-it-is-you page; the page must name the
// provider's origin in its form-action policy (formActionHeaders, with ssoFormActionOrigin).
import { SsoSignInForm } from "./SsoSignInForm";

type Props = {
  /** The provider the session came from (sessionSsoProvider). */
  providerId: number;
  providerName: string;
  /** Where to go back to once confirmed (a path of Tandem). */
  redirectTo: string;
};

export function SsoConfirm({ providerId, providerName, redirectTo }: Props) {
  return (
    <SsoSignInForm
      provider={{ id: providerId, name: providerName }}
      purpose="confirm"
      label={`Confirm with ${providerName}`}
      redirectTo={redirectTo}
    />
  );
}

// The button that sends someone to their organisation's identity provider: a form posting to Tandem's SSO start
// route, which redirects to the provider (the page's form-action policy must name the provider's origin).
import { Form } from "@remix-run/react";
import type { SsoPurpose } from "~/domain/vocabulary";
import { paths } from "~/utils/paths";
import { Button } from "./govuk";

type Props = {
  provider: { id: number; name: string };
  purpose: SsoPurpose;
  /** What the button says; "Sign in with <provider>" unless told. */
  label?: string;
  /** The email the person gave (sent to the provider as login_hint). */
  email?: string | null;
  /** The invitation's one-time link token, for purpose "invitation". */
  token?: string;
  redirectTo?: string | null;
};

export function SsoSignInForm({ provider, purpose, label, email, token, redirectTo }: Props) {
  return (
    <Form method="post" action={paths.ssoStart()}>
      <input type="hidden" name="provider" value={provider.id} />
      <input type="hidden" name="purpose" value={purpose} />
      {email ? <input type="hidden" name="email" value={email} /> : null}
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <Button>{label ?? `Sign in with ${provider.name}`}</Button>
    </Form>
  );
}

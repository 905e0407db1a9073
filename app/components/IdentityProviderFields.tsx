// The fields of an identity provider, shared by "add" and "change". The secret box is always drawn empty: a saved
// secret is never shown again.
import { type FieldLike, Input, Textarea } from "./govuk";

type Fields = Record<"name" | "issuer" | "clientId" | "clientSecret" | "domains", FieldLike>;

export function IdentityProviderFields({ fields, changing }: { fields: Fields; changing: boolean }) {
  return (
    <>
      <Input field={fields.name} label="Name" hint="What people see on the button: Sign in with …" />
      <Input
        field={fields.issuer}
        label="Issuer URL"
        hint="From the provider's OpenID Connect settings, for example https://login.microsoftonline.com/<tenant id>/v2.0"
        type="url"
        spellCheck={false}
      />
      <Input field={fields.clientId} label="Client ID" spellCheck={false} />
      <Input
        field={fields.clientSecret}
        label="Client secret"
        hint={
          changing
            ? "Leave blank to keep the secret saved. A saved secret is never shown again."
            : "It is kept encrypted and never shown again."
        }
        type="password"
        autoComplete="off"
        defaultValue=""
      />
      <Textarea
        field={fields.domains}
        label="Email domains it signs in for"
        hint="One a line, for example department.gov.uk. People with these email addresses sign in with this provider, not a Tandem password."
        rows={4}
        spellCheck={false}
      />
    </>
  );
}

// The boxes of the pages where people get into their account (sign in, forgotten password, set a password).
import { type FieldLike, Input } from "./govuk";

/** The email address a person signs in with; `defaultValue` when the page shows it again after a refusal. */
export function SignInEmailInput({ field, defaultValue }: { field: FieldLike; defaultValue?: string }) {
  return (
    <Input
      field={field}
      type="email"
      label="Email address"
      autoComplete="email"
      spellCheck={false}
      defaultValue={defaultValue}
    />
  );
}

type PasswordInputProps = {
  field: FieldLike;
  label: string;
  hint?: string;
  /** "current-password" to sign in with; "new-password" to choose one, so password managers offer to make one. */
  autoComplete: "current-password" | "new-password";
};

/** A password box, always shown empty: a password is never sent back to the page. */
export function PasswordInput({ field, label, hint, autoComplete }: PasswordInputProps) {
  return (
    <Input
      field={field}
      type="password"
      label={label}
      hint={hint}
      autoComplete={autoComplete}
      defaultValue=""
    />
  );
}

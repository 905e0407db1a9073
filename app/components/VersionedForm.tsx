// The form of a record that has a version (drawn with useVersionedForm): keyed by the form's id, so its inputs are
// drawn afresh when the record is saved, and carrying the version it was drawn from, so that a save made over
// someone else's is refused rather than undoing theirs.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { formProps } from "./form-props";

type Props = {
  form: Parameters<typeof formProps>[0];
  version: number | string;
  children: ReactNode;
};

export function VersionedForm({ form, version, children }: Props) {
  return (
    <Form method="post" {...formProps(form)} key={form.id}>
      <input type="hidden" name="version" value={version} />
      {children}
    </Form>
  );
}

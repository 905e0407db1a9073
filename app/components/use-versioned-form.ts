// Conform's useForm for a form drawn from a record that has a version. Conform keeps what it first showed until the
// form's id changes; a save that redirects back to the same page brings no action data, so the form must start
// again from the record as now saved. A refused save (a conflict or an error) does bring action data: then the form
// keeps its id and shows what the person typed, whatever the version has become. Key the <Form> by `form.id`, so its
// inputs are drawn afresh exactly when the form starts again.
import { useForm } from "@conform-to/react";
import { useId, useRef } from "react";

type Options<Schema extends Record<string, unknown>> = NonNullable<Parameters<typeof useForm<Schema>>[0]>;

export function useVersionedForm<Schema extends Record<string, unknown>>(
  version: string | number | null | undefined,
  options: Options<Schema>,
) {
  const base = useId();
  const current = `${base}v${version ?? ""}`;
  const id = useRef(current);
  if (!options.lastResult) id.current = current;
  return useForm<Schema>({ ...options, id: id.current });
}

// Page titles: "Page – Tandem", "Error: Page – Tandem" while a form shows errors, or the error page's title.
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { errorTitle } from "~/utils/error-pages";
// A .server module is an empty module in the browser bundle, so this is read only where it exists.
import * as formErrors from "~/utils/form-errors.server";

type TitleSource<Loader> = string | ((args: MetaArgs<Loader>) => string);

declare global {
  interface Window {
    __remixContext?: { state?: { actionData?: Record<string, unknown> | null } };
  }
}

/**
 * Meta functions never see action data, so: on the server the render carries the flag; in the browser, the
 * page first shown (location key "default") was the server's answer to a form, and its action data says.
 * After that, forms submitted with JavaScript set the prefix themselves (FormErrorSummary).
 */
function showsFormErrors(args: MetaArgs): boolean {
  if (typeof window === "undefined") return formErrors.formErrorsStore?.getStore() ?? false;
  if (args.location.key !== "default") return false;
  const actionData = window.__remixContext?.state?.actionData;
  return Object.values(actionData ?? {}).some(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      Object.keys((value as { errors?: object }).errors ?? {}).length > 0,
  );
}

export function pageMeta<Loader = unknown>(source: TitleSource<Loader>) {
  return (args: MetaArgs<Loader>): MetaDescriptor[] => {
    if (args.error) return [{ title: `${errorTitle(args.error)} – Tandem` }];
    const title = typeof source === "string" ? source : source(args);
    return [{ title: `${showsFormErrors(args as MetaArgs) ? "Error: " : ""}${title} – Tandem` }];
  };
}

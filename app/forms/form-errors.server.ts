// Whether the page being rendered on the server shows a form's errors, so its title can start "Error: ".
import { AsyncLocalStorage } from "node:async_hooks";

export const formErrorsStore = new AsyncLocalStorage<boolean>();

/**
 * True when an action's result carries errors: a Conform submission result (`{ status: "error", error: {…} }`)
 * or, from forms not yet on Conform, `{ errors: { field: message } }`.
 */
export function actionDataHasErrors(actionData: Record<string, unknown> | null | undefined): boolean {
  return Object.values(actionData ?? {}).some((value) => {
    if (!value || typeof value !== "object") return false;
    if ("status" in value && value.status === "error" && "error" in value) {
      const errors = (value as { error: Record<string, unknown> | null }).error;
      return Object.values(errors ?? {}).some((messages) => Array.isArray(messages) && messages.length > 0);
    }
    if (!("errors" in value)) return false;
    const errors = (value as { errors: unknown }).errors;
    return Boolean(errors && typeof errors === "object" && Object.keys(errors).length > 0);
  });
}

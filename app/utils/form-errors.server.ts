// Whether the page being rendered on the server shows a form's errors, so its title can start "Error: ".
import { AsyncLocalStorage } from "node:async_hooks";

export const formErrorsStore = new AsyncLocalStorage<boolean>();

/**
 * True when an action's result carries errors: a Conform submission result (`{ status: "error", error: {…} }`), or an
 * upload refused before any form could be parsed (`{ fileError }`, the nominations import), or the import's refused
 * confirmation (`{ result }` beside the checked file).
 */
export function actionDataHasErrors(actionData: Record<string, unknown> | null | undefined): boolean {
  return Object.values(actionData ?? {}).some((value) => {
    if (!value || typeof value !== "object") return false;
    if ("fileError" in value && typeof value.fileError === "string") return true;
    // The import's confirmation, refused: its submission result sits beside the checked file.
    if ("result" in value && actionDataHasErrors({ result: value.result })) return true;
    if ("status" in value && value.status === "error" && "error" in value) {
      const errors = (value as { error: Record<string, unknown> | null }).error;
      return Object.values(errors ?? {}).some((messages) => Array.isArray(messages) && messages.length > 0);
    }
    return false;
  });
}

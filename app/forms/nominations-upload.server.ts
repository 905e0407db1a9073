// Reading an uploaded nominations file on the server (kept out of the browser bundle: csv-parse needs Node).
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { MAX_CSV_BYTES, parseNominationsCsv } from "~/domain/csv-nominations";

export const parseNominations = parseNominationsCsv;

/** The uploaded file's text, or why it cannot be used. Files over the limit are not read to the end. */
export async function readUpload(
  request: Request,
): Promise<{ text: string | null; fileName: string; error?: string }> {
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return {
        text: null,
        fileName: "",
        error: "The file must be smaller than 5 MB: split it into smaller files",
      };
    // The body is not well-formed multipart (cut short, or not framed by its boundary): nothing to read.
    return { text: null, fileName: "", error: "The file could not be read: select it and upload it again" };
  }
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name))
    return { text: null, fileName: "", error: "Select a CSV file of nominations" };
  const parsed = parseNominationsCsv(new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) return { text: null, fileName: file.name, error: parsed.error };
  return { text: new TextDecoder().decode(await file.arrayBuffer()), fileName: file.name };
}

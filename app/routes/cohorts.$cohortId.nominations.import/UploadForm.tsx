// The file upload of the nominations import (a plain multipart form: the server reads the file).
import { Form } from "@remix-run/react";
import { Button, ErrorMessage } from "~/components/govuk";

export function UploadForm({ error }: { error?: string }) {
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="file">
          Upload a CSV file
        </label>
        <div className="govuk-hint" id="file-hint">
          Columns: name, email, organisation, sector (government or industry), and optionally role
          (participant, mentor or leader), job_title, profession and line_manager_email. Smaller than 5 MB.
        </div>
        {error ? <ErrorMessage id="file-error">{error}</ErrorMessage> : null}
        <input
          className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`file-hint${error ? " file-error" : ""}`}
        />
      </div>
      <Button variant="secondary">Upload and check</Button>
    </Form>
  );
}

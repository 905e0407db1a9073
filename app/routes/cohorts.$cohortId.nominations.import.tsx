import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import {
  BackLink,
  Button,
  Checkboxes,
  Details,
  ErrorMessage,
  InsetText,
  Select,
  Table,
  Tag,
} from "~/components/govuk";
import { REGION_ITEMS } from "~/components/OrganisationFields";
import { parseNominations, readUpload } from "~/forms/nominations-upload.server";
import { importNominations, type NominationPreview, previewNominations } from "~/models/nomination.server";
import { pageMeta } from "~/utils/meta";
import type { Region } from "../../db/types";

export const meta = pageMeta("Import nominations");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort };
}

type Outcome =
  | { kind: "refused"; errors: Record<string, string> }
  | {
      kind: "preview";
      csv: string;
      fileName: string;
      preview: NominationPreview;
      errors: Record<string, string>;
    };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const db = context.db;
  const isUpload = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  let csv: string;
  let fileName: string;
  let formData: FormData | null = null;
  if (isUpload) {
    const upload = await readUpload(request);
    if (upload.text === null)
      return data({ kind: "refused", errors: { file: upload.error ?? "" } } satisfies Outcome, {
        status: 400,
      });
    csv = upload.text;
    fileName = upload.fileName;
  } else {
    formData = await request.formData();
    csv = String(formData.get("csv") ?? "");
    fileName = String(formData.get("fileName") ?? "");
  }
  const parsed = parseNominations(csv);
  if (!parsed.ok)
    return data({ kind: "refused", errors: { file: parsed.error } } satisfies Outcome, { status: 400 });
  const preview = await previewNominations(db, cohort.id, parsed.rows, parsed.problems);
  const errors: Record<string, string> = {};
  if (preview.problems.length)
    errors.file = `The file has ${preview.problems.length} problem${preview.problems.length === 1 ? "" : "s"}: correct ${preview.problems.length === 1 ? "it" : "them"} in your spreadsheet and upload it again`;
  if (!formData || errors.file)
    return data({ kind: "preview", csv, fileName, preview, errors } satisfies Outcome, {
      status: errors.file ? 400 : 200,
    });

  const chosen = formData.getAll("create").map(String);
  const create: Array<{ name: string; sector: "government" | "industry"; region: Region }> = [];
  preview.missingOrganisations.forEach((org, i) => {
    if (!chosen.includes(org.name)) {
      errors.create ??= `Select “Create ${org.name}”, or correct the organisation's name in your spreadsheet and upload it again`;
      return;
    }
    const region = String(formData.get(`region-${i}`) ?? "");
    if (!REGION_ITEMS.some((r) => r.value === region))
      errors[`region-${i}`] = `Select the UK region of ${org.name}`;
    else create.push({ name: org.name, sector: org.sector, region: region as Region });
  });
  if (Object.keys(errors).length)
    return data({ kind: "preview", csv, fileName, preview, errors } satisfies Outcome, { status: 400 });
  const summary = await importNominations(db, cohort.id, parsed.rows, create, user, clientAddress(context));
  const parts = [
    `${summary.added} new`,
    `${summary.joined} already in Tandem joined`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
  ];
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/nominations`,
    `Nominations imported from ${fileName || "the file"}: ${parts.join(", ")}${summary.organisations ? `; ${summary.organisations} organisation${summary.organisations === 1 ? "" : "s"} created` : ""}`,
  );
}

function UploadForm({ error }: { error?: string }) {
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

export default function ImportNominations() {
  const { cohort } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Outcome | undefined;
  const preview = result?.kind === "preview" ? result : null;
  const problems = preview?.preview.problems ?? [];
  return (
    <>
      <BackLink href={`/cohorts/${cohort.id}/nominations`}>Back to nominations</BackLink>
      <FormErrorSummary errors={result?.errors} ids={{ create: "create" }} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Import nominations
      </h1>
      {!preview ? (
        <>
          <p className="govuk-body">
            Save your spreadsheet as CSV (in Excel, “CSV UTF-8”) and upload it. You will see every row before
            anything is saved. People already in Tandem are matched by email address, so uploading the same
            file again changes nothing.
          </p>
          <UploadForm error={result?.errors.file} />
        </>
      ) : (
        <>
          <p className="govuk-body">
            <strong>{preview.fileName || "Your file"}</strong>: {preview.preview.rows.length} rows. Nothing is
            saved until you confirm.
          </p>
          {problems.length > 0 ? (
            <>
              <Table
                caption={`Problems to correct (${problems.length})`}
                captionSize="m"
                head={[{ text: "Row" }, { text: "Column" }, { text: "Problem" }]}
                rows={problems.map((p) => [{ text: String(p.row) }, { text: p.column }, { text: p.message }])}
                className="tandem-problems"
              />
              <UploadForm error={result?.errors.file} />
            </>
          ) : null}
          <Table
            caption="Rows as they will be imported"
            captionSize="m"
            head={[
              { text: "Row" },
              { text: "Name" },
              { text: "Email" },
              { text: "Organisation" },
              { text: "Role" },
              { text: "What happens" },
            ]}
            rows={preview.preview.rows.map((r) => [
              { text: String(r.row) },
              { text: r.name },
              { text: r.email },
              { text: r.organisation },
              { text: r.role },
              {
                text: problems.some((p) => p.row === r.row) ? (
                  <Tag colour="red">Problem</Tag>
                ) : (
                  <Tag colour={r.outcome === "new person" ? "green" : "grey"}>{r.outcome}</Tag>
                ),
              },
            ])}
          />
          {problems.length === 0 ? (
            <Form method="post" noValidate>
              <input type="hidden" name="csv" value={preview.csv} />
              <input type="hidden" name="fileName" value={preview.fileName} />
              {preview.preview.missingOrganisations.length > 0 ? (
                <>
                  <h2 className="govuk-heading-m">Organisations Tandem does not know yet</h2>
                  <Checkboxes
                    name="create"
                    legend="Create these organisations"
                    legendSize="s"
                    hint="If a name is misspelt, correct it in your spreadsheet and upload it again instead"
                    error={result?.errors.create}
                    items={preview.preview.missingOrganisations.map((o) => ({
                      value: o.name,
                      text: `Create ${o.name}`,
                      hint: `${o.sector === "industry" ? "Industry" : "Government"}, named on row${o.rows.length > 1 ? "s" : ""} ${o.rows.join(", ")}`,
                    }))}
                  />
                  {preview.preview.missingOrganisations.map((o, i) => (
                    <Select
                      key={o.name}
                      id={`region-${i}`}
                      name={`region-${i}`}
                      label={`UK region of ${o.name}`}
                      items={REGION_ITEMS}
                      defaultValue="england-and-wales"
                      error={result?.errors[`region-${i}`]}
                    />
                  ))}
                </>
              ) : (
                <InsetText>Every organisation in the file is already known.</InsetText>
              )}
              <Button>Confirm and import {preview.preview.rows.length} rows</Button>
            </Form>
          ) : null}
          {problems.length === 0 ? (
            <Details summary="Upload a different file">
              <UploadForm />
            </Details>
          ) : null}
        </>
      )}
    </>
  );
}

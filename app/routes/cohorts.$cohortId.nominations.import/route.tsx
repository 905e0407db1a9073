import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { actorOf, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { importNominations } from "~/commands/nominations.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Details } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { ConfirmImportSchema } from "~/forms/cohort-setup";
import { readUpload } from "~/forms/nominations-upload.server";
import { onceKey } from "~/forms/once";
import { refusalOf } from "~/forms/reply.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { ConfirmForm } from "./ConfirmForm";
import { type CheckedFile, checkNominations } from "./check.server";
import { ConflictsTable, MergedRows, ProblemsTable, RowsTable } from "./Preview";
import { UploadForm } from "./UploadForm";

export const meta = pageMeta("Import nominations");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort };
}

/** The page after a post: the file's problems, or its preview (with the confirmation's errors, if any). */
type Answer = Partial<CheckedFile> & { result?: SubmissionResult<string[]> };

/** The confirmation's errors by field, for the summary at the top of the page (the form is further down). */
function confirmationErrors(result: SubmissionResult<string[]>) {
  return Object.fromEntries(
    Object.entries(result.error ?? {}).flatMap(([name, messages]) => (messages ? [[name, messages]] : [])),
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const actor = actorOf(context, user);
  // Uploading a file only checks it; confirming posts the checked text back with the coordinator's choices.
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUpload(request);
    if (upload.text === null) return data<Answer>({ fileError: upload.error }, { status: 400 });
    const checked = await checkNominations(context.db, actor, cohort.id, upload.text, upload.fileName);
    return data<Answer>(checked.answer, { status: checked.ok ? 200 : 400 });
  }
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ConfirmImportSchema });
  if (submission.status !== "success")
    return data<Answer>({ fileError: "Select a CSV file of nominations" }, { status: 400 });
  const { csv, fileName, create, regions, overQuota } = submission.value;
  const checked = await checkNominations(context.db, actor, cohort.id, csv, fileName);
  if (!checked.ok) return data<Answer>(checked.answer, { status: 400 });
  // The confirmation carries a one-time key: sent twice (a double click, a retried request), it imports once and
  // answers as the first did.
  const outcome = await run(
    context.db,
    actor,
    importNominations,
    { cohortId: cohort.id, rows: checked.rows, create, regions, overQuota },
    { once: onceKey(formData) },
  );
  if (!outcome.ok) {
    const { errors, status } = refusalOf(outcome);
    return data<Answer>({ ...checked.answer, result: submission.reply(errors) }, { status });
  }
  const { summary } = outcome;
  const parts = [
    `${summary.added} new`,
    `${summary.joined} already in Tandem joined`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
    ...(summary.notApplied
      ? [
          `${summary.notApplied} joined without their details changing (they are also in other cohorts, or administer Tandem: only they or an administrator can change their details)`,
        ]
      : []),
  ];
  const created = summary.organisations ? `; ${plural(summary.organisations, "organisation")} created` : "";
  return redirectWithBanner(
    context,
    request,
    paths.cohort(cohort.id).nominations(),
    `Nominations imported from ${fileName || "the file"}: ${parts.join(", ")}${created}`,
  );
}

export default function ImportNominations() {
  const { cohort } = useLoaderData<typeof loader>();
  const answer: Answer | undefined = useActionData<typeof action>();
  const preview = answer?.preview;
  const problems = preview?.problems ?? [];
  // A file with problems, or with every row left out, is corrected and uploaded again before anything imports.
  const blocked = problems.length > 0 || preview?.rows.length === 0;
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).nominations()}>Back to nominations</BackLink>
      <FormErrorSummary
        form={{
          allErrors: {
            ...(answer?.fileError ? { file: [answer.fileError] } : {}),
            ...(answer?.result ? confirmationErrors(answer.result) : {}),
          },
        }}
      />
      <PageHeading caption={cohort.name}>Import nominations</PageHeading>
      {!preview ? (
        <>
          <p className="govuk-body">
            Save your spreadsheet as CSV (in Excel, “CSV UTF-8”) and upload it. You will see every row before
            anything is saved. People already in Tandem are matched by email address, so uploading the same
            file again changes nothing, and a blank cell keeps what Tandem already holds for them.
          </p>
          <UploadForm error={answer?.fileError} />
        </>
      ) : (
        <>
          <p className="govuk-body">
            <strong>{answer.fileName || "Your file"}</strong>: {plural(preview.rows.length, "row")} to import.
            Nothing is saved until you confirm.
          </p>
          <MergedRows merged={answer.merged ?? []} />
          <ConflictsTable conflicts={answer.conflicts ?? []} />
          {blocked ? (
            <>
              {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
              <UploadForm error={answer.fileError} />
            </>
          ) : null}
          <RowsTable preview={preview} />
          {!blocked ? (
            <>
              <ConfirmForm
                key={answer.csv}
                result={answer.result}
                csv={answer.csv ?? ""}
                fileName={answer.fileName ?? ""}
                preview={preview}
              />
              <Details summary="Upload a different file">
                <UploadForm />
              </Details>
            </>
          ) : null}
        </>
      )}
    </>
  );
}

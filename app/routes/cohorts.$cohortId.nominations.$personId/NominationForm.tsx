import type { formProps } from "~/components/form-props";
import { Button, type FieldLike, Input, InsetText, Radios, Select, SummaryList } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { VersionedForm } from "~/components/VersionedForm";
import type { RELEASE_ANSWERS } from "~/forms/cohort-setup";

type Fields = Record<
  "name" | "organisationId" | "jobTitle" | "profession" | "lineManagerEmail" | "releaseStatus",
  FieldLike
>;

const RELEASE_QUESTION: Record<(typeof RELEASE_ANSWERS)[number], string> = {
  none: "Not asked yet",
  requested: "Asked, waiting for an answer",
  approved: "Yes, released",
  declined: "No, declined",
};

type Props = {
  form: Parameters<typeof formProps>[0];
  fields: Fields;
  nomination: {
    version: number;
    releaseNeeded: boolean;
    name: string;
    organisation_id: number | null;
    organisation_name: string | null;
    job_title: string | null;
    profession: string | null;
  };
  organisations: Array<{ organisation_id: number; name: string }>;
  /** Why the coordinator may not change the person's details; null when they may. */
  locked: string | null;
};

/** The person's details as they stand, sent back unchanged, with why they cannot be changed here. */
function LockedDetails({ nomination, locked }: Pick<Props, "nomination"> & { locked: string }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "Full name", value: nomination.name },
          { key: "Organisation", value: nomination.organisation_name ?? "None" },
          { key: "Job title", value: nomination.job_title ?? "None" },
          { key: "Profession", value: nomination.profession ?? "None" },
        ]}
      />
      <InsetText>{locked.replace(/^Not applied: /, "")}.</InsetText>
      <input type="hidden" name="name" value={nomination.name} />
      <input type="hidden" name="organisationId" value={nomination.organisation_id ?? ""} />
      <input type="hidden" name="jobTitle" value={nomination.job_title ?? ""} />
      <input type="hidden" name="profession" value={nomination.profession ?? ""} />
    </>
  );
}

export function NominationForm({ form, fields, nomination, organisations, locked }: Props) {
  return (
    <VersionedForm form={form} version={nomination.version}>
      {locked ? (
        <LockedDetails nomination={nomination} locked={locked} />
      ) : (
        <>
          <Input field={fields.name} label="Full name" />
          <Select
            field={fields.organisationId}
            label="Organisation in this cohort"
            hint="The organisation they represent in this cohort decides their conflicts of interest"
            items={[
              { value: "", text: "None" },
              ...organisations.map((o) => ({ value: String(o.organisation_id), text: o.name })),
            ]}
          />
          <Input field={fields.jobTitle} label="Job title (optional)" />
          <Input field={fields.profession} label="Profession (optional)" />
        </>
      )}
      <Input
        field={fields.lineManagerEmail}
        type="email"
        label="Line manager's email address (optional)"
        spellCheck={false}
      />
      {nomination.releaseNeeded ? (
        <Radios
          field={fields.releaseStatus}
          legend="Has their line manager released them for the programme?"
          legendSize="s"
          items={labelItems(RELEASE_QUESTION)}
        />
      ) : (
        <input type="hidden" name="releaseStatus" value="none" />
      )}
      <Button name="intent" value="save">
        Save changes
      </Button>
    </VersionedForm>
  );
}

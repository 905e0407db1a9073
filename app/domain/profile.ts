// A person's shared profile (name, organisation, job title, profession): what differs between the details Tandem
// holds and those an import or invitation brings, and why those differences were not applied.

export type ProfileDetails = {
  name: string;
  /** The organisation's name, or null for none. */
  organisation: string | null;
  jobTitle: string | null;
  profession: string | null;
};

export type ProfileDifference = { field: string; from: string; to: string };

/** What was left as it was, and why, in plain words. */
export type NotApplied = { reason: string; differences: ProfileDifference[] };

const FIELDS = [
  ["name", "Name"],
  ["organisation", "Organisation"],
  ["jobTitle", "Job title"],
  ["profession", "Profession"],
] as const;

/** The fields whose values differ (organisation names in any case), in the order a page shows them. */
export function profileDifferences(held: ProfileDetails, brought: ProfileDetails): ProfileDifference[] {
  const same = (field: keyof ProfileDetails) =>
    field === "organisation"
      ? (held.organisation ?? "").toLowerCase() === (brought.organisation ?? "").toLowerCase()
      : (held[field] ?? null) === (brought[field] ?? null);
  return FIELDS.filter(([field]) => !same(field)).map(([field, label]) => ({
    field: label,
    from: held[field] ?? "None",
    to: brought[field] ?? "None",
  }));
}

/** "Name: Sam Patel → Sam Takeover; Job title: None → Puppet" */
export function describeDifferences(differences: ProfileDifference[]): string {
  return differences.map((d) => `${d.field}: ${d.from} → ${d.to}`).join("; ");
}

/** Why someone may not change a person's details, as the preview and the banners say it. */
export function notAppliedReason(person: { name: string }, why: "other cohorts" | "administrator"): string {
  const first = person.name.trim().split(/\s+/)[0] || person.name;
  return why === "administrator"
    ? `Not applied: ${person.name} is a Tandem administrator, so only ${first} or another administrator can change their details`
    : `Not applied: ${person.name} is also in other cohorts, so only ${first} or an administrator can change their details`;
}

// Each team's members, with a button to lock a person to their team or remove the lock, and its mentors.
import { Table, Tag } from "~/components/govuk";
import { RowActionForm } from "~/components/RowActionForm";
import { SECTORS } from "~/domain/vocabulary";
import type { TeamsList } from "~/models/team.server";

export const teamTitle = (team: { number: number; name: string | null }) =>
  `Team ${team.number}${team.name ? `: ${team.name}` : ""}`;

function LockButton({ person, version }: { person: TeamsList[number]["members"][number]; version: number }) {
  return (
    <RowActionForm
      inputs={{ version, personId: person.id }}
      intent={person.locked ? "unlock" : "lock"}
      label={person.locked ? "Unlock" : "Lock"}
      hiddenLabel={person.name}
    />
  );
}

export function TeamTables({ teams, version }: { teams: TeamsList; version: number }) {
  return teams.map((team) => (
    <div key={team.id}>
      <Table
        caption={teamTitle(team)}
        captionSize="m"
        firstCellIsHeader
        head={[
          { text: "Name" },
          { text: "Sector" },
          { text: "Organisation" },
          { text: "Profession" },
          { text: "Locked" },
          { text: <span className="govuk-visually-hidden">Action</span> },
        ]}
        rows={team.members.map((m) => [
          { text: m.name },
          { text: SECTORS[m.sector ?? "industry"] },
          { text: m.organisation_name ?? "None" },
          { text: m.profession ?? "Not given" },
          { text: m.locked ? <Tag colour="blue">Locked</Tag> : "No" },
          { text: <LockButton person={m} version={version} /> },
        ])}
      />
      {team.mentors.length ? (
        <p className="govuk-body">
          Mentors:{" "}
          {team.mentors
            .map((m) => `${m.name} (${m.sector}, ${m.organisation_name ?? "no organisation"})`)
            .join(" and ")}
        </p>
      ) : null}
    </div>
  ));
}

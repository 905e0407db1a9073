// The participants team formation leaves out, each with why: only released participants are placed in teams.
import { Table } from "~/components/govuk";
import { plural } from "~/domain/next-steps";
import { teamTitle } from "./TeamTables";

export type LeftOutPerson = {
  id: number;
  name: string;
  release_status: string | null;
  withdrawn_at: string | null;
  team_number: number | null;
  team_name: string | null;
};

function reason(person: LeftOutPerson) {
  if (person.withdrawn_at) return "Withdrew from the cohort";
  if (person.release_status === "declined") return "Their line manager declined to release them";
  return "Their line manager has not released them yet";
}

export function LeftOut({ people }: { people: LeftOutPerson[] }) {
  if (people.length === 0) return null;
  const stillPlaced = people.some((p) => p.team_number !== null);
  return (
    <>
      <h2 className="govuk-heading-m">Not placed in a team</h2>
      <p className="govuk-body">
        Only participants whose line manager has released them are placed in teams.
        {stillPlaced
          ? " Anyone shown as still in a team leaves it when you next form the teams, or you can move them."
          : ""}
      </p>
      <Table
        caption={`${plural(people.length, "person", "people")} not placed`}
        captionSize="s"
        firstCellIsHeader
        head={[{ text: "Name" }, { text: "Why" }, { text: "Team now" }]}
        rows={people.map((p) => [
          { text: p.name },
          { text: reason(p) },
          {
            text:
              p.team_number === null
                ? "None"
                : `Still in ${teamTitle({ number: p.team_number, name: p.team_name })}`,
          },
        ])}
      />
    </>
  );
}

// Who would change team, on a confirmation page: each person from one team to another, members then mentors.
import { Table } from "~/components/govuk";

type Move = { personId: number; role: "member" | "mentor"; name: string; from: string; to: string };

const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function TeamMoves({ moves }: { moves: Move[] }) {
  const members = moves.filter((m) => m.role === "member");
  const mentors = moves.filter((m) => m.role === "mentor");
  const table = (rows: Move[], caption: string) => (
    <Table
      caption={caption}
      captionSize="m"
      firstCellIsHeader
      head={[{ text: "Name" }, { text: "From" }, { text: "To" }]}
      rows={rows.map((m) => [{ text: m.name }, { text: m.from }, { text: m.to }])}
    />
  );
  return (
    <div id="changes" tabIndex={-1}>
      {moves.length === 0 ? <p className="govuk-body">Nobody would change team.</p> : null}
      {members.length
        ? table(members, `${people(members.length, "participant", "participants")} would move`)
        : null}
      {mentors.length
        ? table(mentors, `${people(mentors.length, "mentor", "mentors")} would change team`)
        : null}
    </div>
  );
}

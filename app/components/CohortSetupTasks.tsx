// The cohort set-up tasks on the cohort page: organisations and quotas, nominations, releases, visits.

import { plural } from "~/domain/next-steps";
import { paths } from "~/utils/paths";
import type { TaskListItem } from "./govuk";

export type CohortSetupProgress = {
  organisations: number;
  belowQuota: number;
  hosts: number;
  participants: number;
  mentors: number;
  notReleased: number;
  visits: number;
  plannedVisits: number;
};

const notStarted = { tag: { text: "Not yet started", colour: "blue" as const } };
const inProgress = { tag: { text: "In progress", colour: "light-blue" as const } };

export function cohortSetupTasks(cohortId: number, p: CohortSetupProgress): TaskListItem[] {
  const links = paths.cohort(cohortId);
  return [
    {
      title: "Organisations and quotas",
      href: links.organisations(),
      hint: `${plural(p.organisations, "organisation")}, ${p.hosts} hosting a visit${p.belowQuota ? `; ${p.belowQuota} below quota` : ""}`,
      status: p.organisations === 0 ? notStarted : p.belowQuota ? inProgress : { text: "Completed" },
    },
    {
      title: "Nominations and line manager releases",
      href: links.nominations(),
      hint: `${plural(p.participants, "participant")} nominated; ${p.notReleased} not yet released`,
      status: p.participants === 0 ? notStarted : p.notReleased ? inProgress : { text: "Completed" },
    },
    {
      title: "Company visits",
      href: links.visits(),
      hint: `${p.visits} of ${plural(p.hosts, "host")} ${p.visits === 1 ? "has" : "have"} a visit${p.plannedVisits ? `; ${p.plannedVisits} not confirmed` : ""}`,
      status:
        p.visits === 0
          ? notStarted
          : p.plannedVisits || p.visits < p.hosts
            ? inProgress
            : { text: "Completed" },
    },
  ];
}

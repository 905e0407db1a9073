// What the teams screen balances and keeps "not alone", and the weights: the settings a cohort keeps.
import { DEFAULT_WEIGHTS, type TeamPerson, type TeamSector, type Weights } from "./team-formation";

export const TEAM_ATTRIBUTES = {
  profession: "Profession",
  organisation: "Organisation or department",
  job_title: "Job title",
} as const;

export type TeamAttribute = keyof typeof TEAM_ATTRIBUTES;
export const TEAM_ATTRIBUTE_NAMES = Object.keys(TEAM_ATTRIBUTES) as TeamAttribute[];

export type LastRun = {
  lowerBound: number;
  optimal: boolean;
  proof: string | null;
  elapsedMs: number;
  seed: number;
  /** The teams version the run saved: its "optimal" stands only while the teams are still at it. */
  version: number;
};

export type TeamSettings = {
  balance: TeamAttribute[];
  notAlone: TeamAttribute[];
  weights: Weights;
  lastRun: LastRun | null;
};

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  balance: ["profession"],
  notAlone: [],
  weights: DEFAULT_WEIGHTS,
  lastRun: null,
};

const isAttribute = (value: unknown): value is TeamAttribute =>
  typeof value === "string" && value in TEAM_ATTRIBUTES;

/** Reads stored settings, falling back to the defaults for anything missing or unreadable. */
export function readTeamSettings(stored: string | null): TeamSettings {
  if (!stored) return DEFAULT_TEAM_SETTINGS;
  try {
    const raw = JSON.parse(stored) as Partial<TeamSettings>;
    return {
      balance: Array.isArray(raw.balance) ? raw.balance.filter(isAttribute) : DEFAULT_TEAM_SETTINGS.balance,
      notAlone: Array.isArray(raw.notAlone) ? raw.notAlone.filter(isAttribute) : [],
      weights: { ...DEFAULT_WEIGHTS, ...raw.weights },
      lastRun: raw.lastRun ?? null,
    };
  } catch {
    return DEFAULT_TEAM_SETTINGS;
  }
}

export type Candidate = {
  id: number;
  name: string;
  sector: TeamSector | null;
  organisation_name: string | null;
  profession: string | null;
  job_title: string | null;
};

/** A cohort participant as the solver sees them; people without an organisation count as their own. */
export function teamPerson(candidate: Candidate): TeamPerson {
  return {
    id: String(candidate.id),
    label: candidate.name,
    sector: candidate.sector ?? "industry",
    organisation: candidate.organisation_name ?? `(no organisation: ${candidate.name})`,
    attributes: { profession: candidate.profession, job_title: candidate.job_title },
  };
}

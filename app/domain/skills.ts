// The skills self-assessment: default questions, when a phase takes answers, and the coordinator's question list.

export const DEFAULT_SKILLS_QUESTIONS = [
  "Understanding how digital services are designed and built",
  "Working with data to inform decisions",
  "Understanding cloud, infrastructure and software architecture",
  "Understanding cyber security risks and how they are managed",
  "Using agile and user-centred ways of working",
  "Understanding emerging technology such as artificial intelligence",
  "Buying and managing technology through commercial routes",
  "Presenting a technical idea to senior leaders",
  "Collaborating with people from the other sector",
];

export const CONFIDENCE_LABELS: Record<number, string> = {
  1: "1 – Not at all confident",
  2: "2 – Slightly confident",
  3: "3 – Fairly confident",
  4: "4 – Confident",
  5: "5 – Very confident",
};

export type PhaseWindow = { openedAt: string; deadline: string } | null;
export type PhaseState = "not-open" | "open" | "closed";

/** A phase takes answers from when it is opened until the end of its deadline day (London). */
export function phaseState(window: PhaseWindow, today: string): PhaseState {
  if (!window) return "not-open";
  return today <= window.deadline ? "open" : "closed";
}

export const MAX_QUESTIONS = 15;
export const MAX_QUESTION_LENGTH = 150;

/** One question per line; blank lines ignored. Returns the questions or the problem with them. */
export function parseQuestionList(
  text: string,
): { ok: true; questions: string[] } | { ok: false; error: string } {
  const questions = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (questions.length === 0) return { ok: false, error: "Enter at least one question, one per line" };
  if (questions.length > MAX_QUESTIONS)
    return {
      ok: false,
      error: `Enter ${MAX_QUESTIONS} questions or fewer (you entered ${questions.length})`,
    };
  const long = questions.find((q) => q.length > MAX_QUESTION_LENGTH);
  if (long)
    return {
      ok: false,
      error: `Each question must be ${MAX_QUESTION_LENGTH} characters or fewer: “${long.slice(0, 40)}…” is longer`,
    };
  const seen = new Set<string>();
  for (const q of questions) {
    const key = q.toLowerCase();
    if (seen.has(key)) return { ok: false, error: `“${q}” is in the list twice` };
    seen.add(key);
  }
  return { ok: true, questions };
}

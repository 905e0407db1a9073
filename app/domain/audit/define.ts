// How an audit action is declared: the shape of its details and the sentence the audit log shows for it.

/** Names the sentence may use: who acted and, when the subject is a person, who it was about. */
export type Who = { actor: string; subject: string | null };

export type Sentence<Details> = (details: Details, who: Who) => string;

/** Declares an action whose events carry `Details`; the sentence reads like "Fiona Marsden renamed team 2 to Alpha". */
export function sentence<Details>(describe: Sentence<Details>): Sentence<Details> {
  return describe;
}

/** "1 team", "6 teams" */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

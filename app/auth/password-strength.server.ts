// How guessable a new password is, estimated by zxcvbn-ts (pattern matching against common passwords, names, words,
// dates, keyboard runs, repeats and l33t speak). Server only: the dictionaries stay out of the browser bundle.
import { type OptionsType, ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** zxcvbn's scores run 0 to 4; 3 is "safely unguessable: moderate protection from an offline slow-hash attack". */
export const MIN_STRENGTH_SCORE = 3;

// The estimate's cost grows quickly with length and with l33t substitutions (with the library's defaults a 256-character
// password took seconds): only the first 48 characters are examined (a password whose first 48 characters are strong
// is strong), and l33t variants are capped at 10, which keeps one check to tens of milliseconds (the worst seen, a
// 256-character run of digits, symbols and letters, about 100 ms on a busy 2-core machine). Building the
// dictionaries takes about a second, once, on first use.
const OPTIONS = {
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
  maxLength: 48,
  l33tMaxSubstitutions: 10,
} satisfies OptionsType;

let estimator: ZxcvbnFactory | undefined;

/** Why the password is easy to guess (zxcvbn's reason, in plain English), or null when it is strong enough. */
export function guessablePasswordProblem(password: string, userInputs: string[] = []): string | null {
  estimator ??= new ZxcvbnFactory(OPTIONS);
  const result = estimator.check(password, userInputs);
  if (result.score >= MIN_STRENGTH_SCORE) return null;
  const reason =
    result.feedback.warning ??
    result.feedback.suggestions[0] ??
    "Add another word or two. Uncommon words are better.";
  return `Password is too easy to guess. ${reason}`;
}

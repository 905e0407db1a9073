// Where malformed JSON first goes wrong: line, column and the path of the value being read (JSON.parse's
// messages differ between Node versions and often say neither).
import { formatPath } from "../app/domain/pitch-scoring-input";

export type JsonErrorLocation = { line: number; column: number; path: string; message: string };

class Stop extends Error {}

/** Null when `text` is valid JSON; otherwise the first problem, as a person would look for it. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let at = 0;
  const path: Array<string | number> = [];
  let problem = "";

  const fail = (message: string): never => {
    problem = message;
    throw new Stop();
  };
  const describe = () => (at >= text.length ? "the end of the file" : `"${text[at]}"`);
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const expect = (char: string, what: string) => {
    space();
    if (text[at] !== char) fail(`expected ${what}, found ${describe()}`);
    at++;
  };
  const string = (): string => {
    expect('"', "a double-quoted string");
    const start = at;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === "\n") fail("a string runs onto a new line");
      at += text[at] === "\\" ? 2 : 1;
    }
    if (at >= text.length) fail("a string is not closed");
    at++;
    try {
      return JSON.parse(text.slice(start - 1, at)) as string;
    } catch {
      at = start;
      return fail("a string has a bad escape or a control character");
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === "{") {
      at++;
      space();
      if (text[at] === "}") {
        at++;
        return;
      }
      for (;;) {
        const key = string();
        expect(":", '":"');
        path.push(key);
        value();
        path.pop();
        space();
        if (text[at] === "}") {
          at++;
          return;
        }
        expect(",", '"," or "}"');
      }
    }
    if (char === "[") {
      at++;
      space();
      if (text[at] === "]") {
        at++;
        return;
      }
      for (let index = 0; ; index++) {
        path.push(index);
        value();
        path.pop();
        space();
        if (text[at] === "]") {
          at++;
          return;
        }
        expect(",", '"," or "]"');
      }
    }
    if (char === '"') {
      string();
      return;
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at));
    if (!literal) fail(`expected a value, found ${describe()}`);
    at += literal![0].length;
  };

  try {
    value();
    space();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the JSON`);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, at).split("\n");
    return {
      line: before.length,
      column: before.at(-1)!.length + 1,
      path: formatPath(path),
      message: problem,
    };
  }
}

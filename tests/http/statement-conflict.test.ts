// Two members edit the problem statement from the same version (issue 16): the second save is refused and merged,
// and pressing the button again never overwrites the first person's words; the second person settles each field
// both changed (keep mine / keep theirs), and a third save meanwhile is merged again rather than overwritten.
// @ts-expect-error: jsdom has no type declarations here (no @types/jsdom); its window is the DOM's.
import { JSDOM as UntypedJSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams } from "../setup/mentoring";
import { post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

const JSDOM = UntypedJSDOM as new (html: string) => { window: Window & typeof globalThis };

let server: TestServer;
let world: World;
let m: MentoringWorld;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    m = await makeMentoringTeams(db, world);
  });
});
afterAll(async () => {
  await server?.stop();
});

const as = (personId: number) => sessionCookieFor(server.db, personId);
const editUrl = () => `${server.url}/cohorts/${world.cohortA.id}/teams/${m.team1}/statement/edit`;

/** Version 1, as the test setup saved it. */
const VERSION_1 = {
  title: "Team 1 statement",
  category: "operational",
  department: "HMRC",
  problem: "p",
  affected: "a",
  evidence: "e",
  approach: "x",
  success_measures: "s",
};

async function latest() {
  return server.db
    .selectFrom("problem_statement_versions as v")
    .innerJoin("problem_statements as ps", "ps.id", "v.statement_id")
    .where("ps.team_id", "=", m.team1)
    .select([
      "v.number",
      "v.title",
      "v.category",
      "v.department",
      "v.problem",
      "v.affected",
      "v.evidence",
      "v.approach",
      "v.success_measures",
    ])
    .orderBy("v.number", "desc")
    .executeTakeFirstOrThrow();
}

/**
 * The fields the page's form sends as drawn (what a browser without JavaScript posts when its button is pressed),
 * after ticking the radios `choose` names ({ "keep.title": "mine" }).
 */
function formAsDrawn(html: string, choose: Record<string, string> = {}): URLSearchParams {
  const { document, FormData } = new JSDOM(html).window;
  const form = [...document.querySelectorAll("form")].find((f) =>
    f.querySelector('input[name="baseVersion"]'),
  );
  if (!form) throw new Error("The page has no statement form");
  for (const [name, value] of Object.entries(choose)) {
    const radio = form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
    if (!radio) throw new Error(`The form has no radio ${name}=${value}`);
    radio.checked = true;
  }
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) body.append(name, String(value));
  return body;
}

function postForm(body: URLSearchParams, cookie: string) {
  return fetch(editUrl(), { method: "POST", body, headers: { Cookie: cookie }, redirect: "manual" });
}

/** The legends of the fieldsets that hold "keep mine / keep theirs" radios. */
function conflictLegends(document: Document) {
  return [...document.querySelectorAll("fieldset")]
    .filter((fieldset) => fieldset.querySelector("input[name^='keep.']"))
    .map((fieldset) => fieldset.querySelector("legend")?.textContent?.trim());
}

describe("two members save the statement from the same version", () => {
  let conflictPage = "";
  let tia = "";
  let pat = "";

  it("refuses the second save and shows only the fields both changed, the rest merged", async () => {
    pat = await as(world.people.participant.id);
    tia = await as(m.teammate.id);
    const first = await post(
      editUrl(),
      {
        ...VERSION_1,
        baseVersion: "1",
        title: "Pat's title",
        category: "technology",
        department: "HM Revenue & Customs",
        problem: "Pat's problem",
      },
      pat,
    );
    expect(first.status).toBe(302);
    const second = await post(
      editUrl(),
      {
        ...VERSION_1,
        baseVersion: "1",
        title: "Tia's title",
        category: "policy",
        problem: "Tia's problem",
        evidence: "Tia's evidence",
      },
      tia,
    );
    expect(second.status).toBe(409);
    conflictPage = await second.text();
    const { document } = new JSDOM(conflictPage).window;
    expect(document.querySelector(".govuk-error-summary")?.textContent).toContain(
      "Someone else saved version 2 while you were editing",
    );
    // One pair of radios per field both changed, each in a fieldset whose legend names the field.
    expect(conflictLegends(document)).toEqual(["Title", "Category", "The problem"]);
    expect(document.querySelectorAll('input[type="radio"][name^="keep."]')).toHaveLength(6);
    expect(document.body.textContent).toContain("Saved meanwhile by Pat Participant");
    expect(conflictPage).toContain("Tia&#x27;s title");
    expect(conflictPage).toContain("Pat&#x27;s title");
    expect(document.body.textContent).toMatch(
      /Department or service it concerns .*merged from Pat Participant’s version/s,
    );
    // No text box for fields nobody needs to decide on: the page is short.
    expect(document.querySelectorAll("textarea")).toHaveLength(0);
    expect(document.querySelector<HTMLInputElement>('input[name="baseVersion"]')?.value).toBe("2");
    expect(await latest()).toMatchObject({ number: 2, title: "Pat's title" });
  });

  it("does not overwrite Pat's version when Tia presses the button again, or re-sends the old form", async () => {
    const again = await postForm(formAsDrawn(conflictPage), tia);
    expect(again.status).toBe(400);
    const html = await again.text();
    const { document } = new JSDOM(html).window;
    const summary = [...document.querySelectorAll(".govuk-error-summary a")].map((a) => [
      a.getAttribute("href"),
      a.textContent,
    ]);
    expect(summary).toEqual([
      ["#keep.title", "Title: select whether to keep your text or theirs"],
      ["#keep.category", "Category: select whether to keep your text or theirs"],
      ["#keep.problem", "The problem: select whether to keep your text or theirs"],
    ]);
    expect(document.querySelectorAll("fieldset .govuk-error-message")).toHaveLength(3);
    expect(document.querySelector<HTMLInputElement>('input[name="baseVersion"]')?.value).toBe("2");
    const stale = await post(
      editUrl(),
      { ...VERSION_1, baseVersion: "1", title: "Tia's title", problem: "Tia's problem" },
      tia,
    );
    expect(stale.status).toBe(409);
    expect(await latest()).toMatchObject({ number: 2, title: "Pat's title", problem: "Pat's problem" });
  });

  it("keeps the choices made when one is missing, and saves nothing", async () => {
    const partial = await postForm(formAsDrawn(conflictPage, { "keep.title": "mine" }), tia);
    expect(partial.status).toBe(400);
    const { document } = new JSDOM(await partial.text()).window;
    expect(document.querySelector<HTMLInputElement>('input[name="keep.title"][value="mine"]')?.checked).toBe(
      true,
    );
    expect(
      [...document.querySelectorAll(".govuk-error-summary a")].map((a) => a.getAttribute("href")),
    ).toEqual(["#keep.category", "#keep.problem"]);
    expect((await latest()).number).toBe(2);
  });

  it("merges again when Pat saves while Tia chooses, and saves Tia's choices once she has seen that", async () => {
    const third = await post(
      editUrl(),
      {
        ...VERSION_1,
        baseVersion: "2",
        title: "Pat's newer title",
        category: "technology",
        department: "HM Revenue & Customs",
        problem: "Pat's problem",
        approach: "Pat's approach",
      },
      pat,
    );
    expect(third.status).toBe(302);
    const chosen = formAsDrawn(conflictPage, {
      "keep.title": "mine",
      "keep.category": "mine",
      "keep.problem": "theirs",
    });
    const refused = await postForm(chosen, tia);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(await latest()).toMatchObject({ number: 3, title: "Pat's newer title" });
    const { document } = new JSDOM(html).window;
    // Against version 3 only the title clashes again; Pat's approach is merged in.
    expect(conflictLegends(document)).toEqual(["Title"]);
    expect(document.querySelector<HTMLInputElement>('input[name="baseVersion"]')?.value).toBe("3");
    const saved = await postForm(formAsDrawn(html, { "keep.title": "theirs" }), tia);
    expect(saved.status).toBe(302);
    expect(await latest()).toEqual({
      number: 4,
      title: "Pat's newer title",
      category: "policy",
      department: "HM Revenue & Customs",
      problem: "Pat's problem",
      affected: "a",
      evidence: "Tia's evidence",
      approach: "Pat's approach",
      success_measures: "s",
    });
  });
});

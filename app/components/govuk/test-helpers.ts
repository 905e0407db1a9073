// Test-only helpers: compare our components' static markup with govuk-frontend's own fixtures.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";

export interface GovukFixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
}

const componentsDir = join(
  dirname(createRequire(import.meta.url).resolve("govuk-frontend/package.json")),
  "dist/govuk/components",
);

/** Loads one fixture from `govuk-frontend/dist/govuk/components/<component>/fixtures.json`. */
export function loadFixture(component: string, name: string): GovukFixture {
  const file = join(componentsDir, component, "fixtures.json");
  const { fixtures } = JSON.parse(readFileSync(file, "utf8")) as { fixtures: GovukFixture[] };
  const fixture = fixtures.find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`No fixture named "${name}" in ${file}`);
  return fixture;
}

type Tree = string | { tag: string; attributes: Array<[string, string]>; children: Tree[] };

// Whitespace next to these never renders, so it is ignored like indentation.
const LINE_BREAKING = new Set(["br", "div", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p", "ul"]);

function breaksLine(item: string | Element | undefined): boolean {
  return typeof item === "object" && LINE_BREAKING.has(item.localName);
}

/**
 * Drops comments and whitespace-only text, and collapses whitespace runs to one space. Whitespace at the
 * start or end of an element's content is dropped when it contains a line break (template indentation)
 * but kept otherwise, so `<span> page</span>` still differs from `<span>page</span>`. Whitespace next to
 * `<br>` or a block element is dropped too.
 */
function normaliseChildren(parent: Node): Tree[] {
  const merged: Array<string | Element> = [];
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE) merged.push(node as Element);
    else if (node.nodeType === Node.TEXT_NODE) {
      const last = merged.at(-1);
      if (typeof last === "string") merged[merged.length - 1] = last + (node.textContent ?? "");
      else merged.push(node.textContent ?? "");
    }
  }
  const kept = merged.filter((item) => typeof item !== "string" || item.trim() !== "");
  return kept.map((item, index) => {
    if (typeof item !== "string") return normaliseElement(item);
    let text = item;
    if (breaksLine(kept[index - 1])) text = text.trimStart();
    else if (index === 0) text = text.replace(/^\s*\n\s*/, "");
    if (breaksLine(kept[index + 1])) text = text.trimEnd();
    else if (index === kept.length - 1) text = text.replace(/\s*\n\s*$/, "");
    return text.replace(/\s+/g, " ");
  });
}

function normaliseElement(element: Element): Tree {
  const attributes = Array.from(element.attributes)
    .map((attribute): [string, string] => [
      attribute.name,
      attribute.name === "class"
        ? attribute.value.split(/\s+/).filter(Boolean).sort().join(" ")
        : attribute.value,
    ])
    .sort(([a], [b]) => a.localeCompare(b));
  const content = element instanceof HTMLTemplateElement ? element.content : element;
  return { tag: element.localName, attributes, children: normaliseChildren(content) };
}

function parse(html: string): Tree[] {
  const template = document.createElement("template");
  template.innerHTML = html;
  return normaliseChildren(template.content);
}

function print(trees: Tree[], indent = ""): string {
  return trees
    .map((tree) => {
      if (typeof tree === "string") return `${indent}${JSON.stringify(tree)}`;
      const attributes = tree.attributes.map(([name, value]) => ` ${name}="${value}"`).join("");
      if (tree.children.length === 0) return `${indent}<${tree.tag}${attributes}>`;
      return [
        `${indent}<${tree.tag}${attributes}>`,
        print(tree.children, `${indent}  `),
        `${indent}</${tree.tag}>`,
      ].join("\n");
    })
    .join("\n");
}

function summarise(tree: Tree | undefined): string {
  if (tree === undefined) return "nothing";
  return typeof tree === "string" ? `text ${JSON.stringify(tree)}` : `<${tree.tag}>`;
}

/** Describes the first difference between two normalised trees, or returns undefined if they are equal. */
function firstDifference(actual: Tree[], expected: Tree[], path: string): string | undefined {
  for (let index = 0; index < Math.max(actual.length, expected.length); index++) {
    const ours = actual[index];
    const theirs = expected[index];
    const here = `${path} > [${index}]`;
    if (
      ours === undefined ||
      theirs === undefined ||
      typeof ours === "string" ||
      typeof theirs === "string"
    ) {
      if (ours !== theirs)
        return `${here}: ours is ${summarise(ours)}, govuk-frontend's is ${summarise(theirs)}`;
      continue;
    }
    const element = `${path} > ${theirs.tag}[${index}]`;
    if (ours.tag !== theirs.tag) return `${here}: ours is <${ours.tag}>, govuk-frontend's is <${theirs.tag}>`;
    const ourAttributes = JSON.stringify(ours.attributes);
    const theirAttributes = JSON.stringify(theirs.attributes);
    if (ourAttributes !== theirAttributes) {
      return `${element}: attributes differ\n  ours:           ${ourAttributes}\n  govuk-frontend: ${theirAttributes}`;
    }
    const inner = firstDifference(ours.children, theirs.children, element);
    if (inner) return inner;
  }
  return undefined;
}

/** Normalises an HTML fragment to an indented, canonical form (sorted attributes and class names). */
export function normaliseHtml(html: string): string {
  return print(parse(html));
}

/**
 * Renders `element` with `renderToStaticMarkup` and asserts that it matches the named govuk-frontend fixture
 * after normalisation. Requires a DOM (`// @vitest-environment jsdom`).
 */
export function expectToMatchFixture(element: ReactElement, component: string, fixtureName: string): void {
  const expected = parse(loadFixture(component, fixtureName).html);
  const actual = parse(renderToStaticMarkup(element));
  const difference = firstDifference(actual, expected, component);
  expect(print(actual), `"${fixtureName}" differs from the fixture at ${difference}`).toBe(print(expected));
}

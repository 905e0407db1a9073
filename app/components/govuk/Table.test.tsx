// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Table, type TableCell } from "./Table";
import { expectToMatchFixture } from "./test-helpers";

const ROWS: TableCell[][] = [
  [{ text: "January" }, { text: "£85", format: "numeric" }, { text: "£95", format: "numeric" }],
  [{ text: "February" }, { text: "£75", format: "numeric" }, { text: "£55", format: "numeric" }],
  [{ text: "March" }, { text: "£165", format: "numeric" }, { text: "£125", format: "numeric" }],
];
const HEAD: TableCell[] = [
  { text: "Month you apply" },
  { text: "Rate for bicycles", format: "numeric" },
  { text: "Rate for vehicles", format: "numeric" },
];

describe("Table", () => {
  it.each([
    ["default", <Table key="default" rows={ROWS} />],
    ["with head", <Table key="head" head={HEAD} rows={ROWS} />],
    [
      "with head and caption",
      <Table
        key="caption"
        caption="Caption 1: Months and rates"
        captionSize="m"
        firstCellIsHeader
        head={HEAD}
        rows={ROWS}
      />,
    ],
    ["with firstCellIsHeader true", <Table key="first-cell" firstCellIsHeader rows={ROWS} />],
    [
      "head with classes",
      <Table
        key="head-classes"
        head={[{ text: "Foo", className: "my-custom-class" }]}
        rows={[[{ text: "Jan" }, { text: "Feb" }]]}
      />,
    ],
    [
      "firstCellIsHeader with classes",
      <Table
        key="first-cell-classes"
        firstCellIsHeader
        rows={[[{ text: "Foo", className: "my-custom-class" }]]}
      />,
    ],
    [
      "with small text modifier for tables with a lot of data",
      <Table key="small-text" className="govuk-table--small-text-until-tablet" rows={ROWS} />,
    ],
  ])("matches the %s fixture", (fixture, element) => {
    expectToMatchFixture(element, "table", fixture);
  });
});

// Nominations from a spreadsheet exported as CSV: parsing, one problem per field with its row number, and the
// check against the organisations Tandem already knows. Pure: the caller reads the file and the database.
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { REGIONS, type Region, type Sector } from "./vocabulary";

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Data rows, not counting the header. */
export const MAX_CSV_ROWS = 9_999;

export const NOMINATION_ROLES = ["participant", "mentor", "leader"] as const;
export type NominationRole = (typeof NOMINATION_ROLES)[number];
export const SECTORS = ["government", "industry"] as const;

const REQUIRED = ["name", "email", "organisation", "sector"] as const;
const OPTIONAL = ["role", "job_title", "profession", "line_manager_email"] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const COLUMNS: readonly string[] = [...REQUIRED, ...OPTIONAL];

export type NominationRow = {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  name: string;
  email: string;
  organisation: string;
  sector: string;
  /** The row's role, or participant when its cell is blank (see roleGiven). */
  role: string;
  /** False when the role cell is blank: a person already in the cohort then keeps the role they have. */
  roleGiven: boolean;
  /** Null when the cell is blank: a person already in Tandem then keeps the value they have. */
  jobTitle: string | null;
  profession: string | null;
  lineManagerEmail: string | null;
};

export type RowProblem = { row: number; column: Column; message: string };

/** Rows naming the same person as an earlier row with exactly the same details: imported once. */
export type MergedRow = { row: number; email: string; sameAs: number };

/** Rows naming the same person with different details: none of them is imported. */
export type ConflictingRows = { email: string; rows: number[]; reason: string };

export type ParsedNominations =
  | {
      ok: true;
      /** The rows to import: one per person, without the merged and the conflicting rows. */
      rows: NominationRow[];
      problems: RowProblem[];
      ignoredColumns: string[];
      merged: MergedRow[];
      conflicts: ConflictingRows[];
    }
  | { ok: false; error: string };

const SAVE_AS =
  "save the spreadsheet as “CSV UTF-8 (comma delimited)” in Excel, or download it as “Comma-separated values” from Google Sheets, and upload it again";

/** "Line manager email", "LINE-MANAGER-EMAIL" and "line_manager_email" all name the same column. */
function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const EmailFormat = z.email();
const isEmail = (value: string) => value.length <= 254 && EmailFormat.safeParse(value).success;

/** Parses and checks every row. Only a file that cannot be read at all is refused outright. */
export function parseNominationsCsv(file: Uint8Array | string): ParsedNominations {
  const size = typeof file === "string" ? Buffer.byteLength(file) : file.byteLength;
  if (size === 0) return { ok: false, error: `The file is empty: ${SAVE_AS}` };
  if (size > MAX_CSV_BYTES)
    return { ok: false, error: "The file must be smaller than 5 MB: split it into smaller files" };
  let text: string;
  if (typeof file === "string") text = file;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file);
    } catch {
      return { ok: false, error: `The file is not a CSV file in UTF-8: ${SAVE_AS}` };
    }
  }
  if (text.includes("\u0000")) return { ok: false, error: `The file is not a CSV file: ${SAVE_AS}` };
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      trim: true,
      // A data row beyond the limit stops the parse, so a huge file is not read to the end.
      to: MAX_CSV_ROWS + 2,
    });
  } catch (error) {
    const where = error instanceof CsvError && error.lines ? ` near line ${error.lines}` : "";
    return { ok: false, error: `The file is not a CSV file Tandem can read${where}: ${SAVE_AS}` };
  }
  const [header, ...data] = records;
  if (!header || data.length === 0)
    return { ok: false, error: "The file has no nominations: add one row per person under the header row" };
  if (data.length > MAX_CSV_ROWS)
    return { ok: false, error: "The file must have fewer than 10,000 rows: split it into smaller files" };

  const names = header.map(columnName);
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) {
    return {
      ok: false,
      error: `The first row must name the columns name, email, organisation and sector (in any order). Missing: ${missing.join(", ")}`,
    };
  }
  const repeated = names.filter((n, i) => COLUMNS.includes(n) && names.indexOf(n) !== i);
  if (repeated.length)
    return { ok: false, error: `The column ${repeated[0]} appears more than once: keep one` };
  const ignoredColumns = header.filter((_, i) => !COLUMNS.includes(names[i]!) && names[i] !== "");
  const at = (record: string[], column: Column) => {
    const index = names.indexOf(column);
    return index < 0 ? "" : (record[index] ?? "").trim();
  };

  const rows: NominationRow[] = [];
  const problems: RowProblem[] = [];
  data.forEach((record, i) => {
    const row = i + 2;
    const problem = (column: Column, message: string) => problems.push({ row, column, message });
    const value = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, at(record, c)])) as Record<
      Column,
      string
    >;
    if (!value.name) problem("name", "Enter the person’s full name");
    else if (value.name.length > 100) problem("name", "Name must be 100 characters or fewer");
    if (!value.email) problem("email", "Enter the person’s email address");
    else if (!isEmail(value.email))
      problem("email", `“${value.email}” is not an email address, like name@example.com`);
    if (!value.organisation) problem("organisation", "Enter the person’s organisation");
    else if (value.organisation.length > 100)
      problem("organisation", "Organisation must be 100 characters or fewer");
    const sector = value.sector.toLowerCase();
    if (!value.sector) problem("sector", "Enter the sector: government or industry");
    else if (!(SECTORS as readonly string[]).includes(sector))
      problem("sector", `Sector “${value.sector}” is not known: use government or industry`);
    const role = value.role.toLowerCase() || "participant";
    if (!(NOMINATION_ROLES as readonly string[]).includes(role))
      problem("role", `Role “${value.role}” is not known: use participant, mentor or leader`);
    if (value.line_manager_email && !isEmail(value.line_manager_email))
      problem(
        "line_manager_email",
        `Line manager email “${value.line_manager_email}” is not an email address`,
      );
    if (value.job_title.length > 100) problem("job_title", "Job title must be 100 characters or fewer");
    if (value.profession.length > 100) problem("profession", "Profession must be 100 characters or fewer");
    rows.push({
      row,
      name: value.name,
      email: value.email,
      organisation: value.organisation,
      sector,
      role,
      roleGiven: value.role !== "",
      jobTitle: value.job_title || null,
      profession: value.profession || null,
      lineManagerEmail: value.line_manager_email || null,
    });
  });
  return { ok: true, ignoredColumns, ...sameEmails(rows, problems) };
}

/** The columns two rows for the same person are compared on, with the words a page uses for them. */
const COMPARED: Array<[string, (row: NominationRow) => string]> = [
  ["name", (r) => r.name],
  ["organisation", (r) => r.organisation.replace(/\s+/g, " ").toLowerCase()],
  ["sector", (r) => r.sector],
  ["role", (r) => r.role],
  ["job title", (r) => r.jobTitle ?? ""],
  ["profession", (r) => r.profession ?? ""],
  ["line manager email", (r) => (r.lineManagerEmail ?? "").toLowerCase()],
];

function listed(words: string[]): string {
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * One row per person: a row with the same email (in any case) and the same details as an earlier one is merged
 * into it; rows with the same email and different details are all left out, with the columns that differ.
 */
function sameEmails(all: NominationRow[], allProblems: RowProblem[]) {
  const byEmail = new Map<string, NominationRow[]>();
  for (const row of all) {
    if (!isEmail(row.email)) continue;
    const key = row.email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), row]);
  }
  const merged: MergedRow[] = [];
  const conflicts: ConflictingRows[] = [];
  const leftOut = new Set<number>();
  for (const group of byEmail.values()) {
    const [first, ...others] = group;
    if (!first || others.length === 0) continue;
    const differ = COMPARED.filter(([, value]) => others.some((r) => value(r) !== value(first))).map(
      ([column]) => column,
    );
    if (differ.length === 0) {
      for (const r of others) {
        merged.push({ row: r.row, email: r.email, sameAs: first.row });
        leftOut.add(r.row);
      }
      continue;
    }
    const numbers = group.map((r) => r.row);
    conflicts.push({
      email: first.email,
      rows: numbers,
      reason: `Rows ${listed(numbers.map(String))} are ${numbers.length === 2 ? "both" : "all"} for ${first.email} but give a different ${listed(differ)}: keep one row for this person and upload the file again to import them`,
    });
    for (const n of numbers) leftOut.add(n);
  }
  return {
    rows: all.filter((r) => !leftOut.has(r.row)),
    problems: allProblems.filter((p) => !leftOut.has(p.row)),
    merged,
    conflicts,
  };
}

export type KnownOrganisation = { name: string; sector: Sector };

export type OrganisationCheck = {
  /** Organisations named in the file that Tandem does not know yet, with the sector their rows give. */
  missing: Array<{ name: string; sector: Sector; rows: number[] }>;
  problems: RowProblem[];
};

/** Compares the rows' organisations with the known ones (names match ignoring case and spacing). */
export function checkOrganisations(rows: NominationRow[], known: KnownOrganisation[]): OrganisationCheck {
  const key = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
  const byKey = new Map(known.map((o) => [key(o.name), o]));
  const missing = new Map<string, { name: string; sector: Sector; rows: number[] }>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    if (!row.organisation || !(SECTORS as readonly string[]).includes(row.sector)) continue;
    const sector = row.sector as Sector;
    const existing = byKey.get(key(row.organisation));
    if (existing) {
      if (existing.sector !== sector)
        problems.push({
          row: row.row,
          column: "sector",
          message: `${existing.name} is ${existing.sector === "industry" ? "an industry" : "a government"} organisation, but this row says ${sector}`,
        });
      continue;
    }
    const entry = missing.get(key(row.organisation));
    if (!entry)
      missing.set(key(row.organisation), { name: row.organisation.trim(), sector, rows: [row.row] });
    else if (entry.sector !== sector)
      problems.push({
        row: row.row,
        column: "sector",
        message: `${entry.name} is ${entry.sector} on row ${entry.rows[0]}, but this row says ${sector}`,
      });
    else entry.rows.push(row.row);
  }
  return { missing: [...missing.values()], problems };
}

/** The name Tandem knows an organisation by, for a name in the file. */
export function matchOrganisation<T extends { name: string }>(name: string, known: T[]): T | undefined {
  const key = (n: string) => n.trim().replace(/\s+/g, " ").toLowerCase();
  return known.find((o) => key(o.name) === key(name));
}

export type MissingOrganisation = OrganisationCheck["missing"][number];

/**
 * The organisations the coordinator agreed to create, each with the region chosen for it (`regions` is in the order
 * of `missing`), or what they still have to answer, by field name.
 */
export function organisationsToCreate(
  missing: MissingOrganisation[],
  chosen: string[],
  regions: Array<string | undefined>,
):
  | { ok: true; create: Array<{ name: string; sector: Sector; region: Region }> }
  | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const create: Array<{ name: string; sector: Sector; region: Region }> = [];
  missing.forEach((org, i) => {
    if (!chosen.includes(org.name)) {
      errors.create ??= [
        `Select “Create ${org.name}”, or correct the organisation's name in your spreadsheet and upload it again`,
      ];
      return;
    }
    const region = regions[i];
    if (region && Object.hasOwn(REGIONS, region))
      create.push({ name: org.name, sector: org.sector, region: region as Region });
    else errors[`regions[${i}]`] = [`Select the UK region of ${org.name}`];
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, create };
}

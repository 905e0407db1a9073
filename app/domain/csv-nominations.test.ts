import { describe, expect, it } from "vitest";
import {
  checkOrganisations,
  MAX_CSV_BYTES,
  organisationsToCreate,
  parseNominationsCsv,
} from "./csv-nominations";

const HEADER = "name,email,organisation,sector,role,job_title,profession,line_manager_email";

function rowsOf(text: string | Uint8Array) {
  const result = parseNominationsCsv(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("parseNominationsCsv", () => {
  it("reads a plain file, defaulting the role to participant", () => {
    const { rows, problems } = rowsOf(
      `${HEADER}\nPriya Shah,priya.shah@hmrc.example,HM Revenue & Customs,government,,DDaT Fast Streamer,Data,line.manager@hmrc.example\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: "Priya Shah",
        email: "priya.shah@hmrc.example",
        organisation: "HM Revenue & Customs",
        sector: "government",
        role: "participant",
        roleGiven: false,
        jobTitle: "DDaT Fast Streamer",
        profession: "Data",
        lineManagerEmail: "line.manager@hmrc.example",
      },
    ]);
  });

  it("accepts Excel's UTF-8 byte order mark, CRLF line ends and blank trailing rows", () => {
    const text = `\uFEFF${HEADER}\r\nTom Gallagher,tom@dwp.example,DWP,government,participant,,,\r\n,,,,,,,\r\n\r\n,,,,,,,\r\n`;
    const bytes = new TextEncoder().encode(text);
    const { rows, problems } = rowsOf(bytes);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.name, r.email])).toEqual([[2, "Tom Gallagher", "tom@dwp.example"]]);
  });

  it("keeps commas and line breaks inside quoted fields", () => {
    const { rows } = rowsOf(
      `${HEADER}\n"Bello, Aisha",aisha@homeoffice.example,"Home Office",government,participant,"Fast Streamer,\nyear 3",Data,\nRhys Morgan,rhys@justice.example,Ministry of Justice,government,mentor,,,\n`,
    );
    expect(rows.map((r) => [r.row, r.name, r.jobTitle, r.role])).toEqual([
      [2, "Bello, Aisha", "Fast Streamer,\nyear 3", "participant"],
      [3, "Rhys Morgan", null, "mentor"],
    ]);
  });

  it("finds columns by name in any case and order, and only needs the four required ones", () => {
    const { rows, ignoredColumns } = rowsOf(
      "SECTOR, Organisation ,E-mail,Name,Line Manager Email,Notes\nindustry,Kestrel Systems,harvey@kestrel.example,Harvey Singh,boss@kestrel.example,likes data\n".replace(
        "E-mail",
        "Email",
      ),
    );
    expect(rows[0]).toMatchObject({
      name: "Harvey Singh",
      email: "harvey@kestrel.example",
      organisation: "Kestrel Systems",
      sector: "industry",
      lineManagerEmail: "boss@kestrel.example",
    });
    expect(ignoredColumns).toEqual(["Notes"]);
  });

  it("reports every problem with its row number: bad email, unknown sector and role, missing name", () => {
    const { problems } = rowsOf(
      [
        HEADER,
        "Zara Ahmed,zara.ahmed@education,Department for Education,government,,,,",
        "Owen Lewis,owen@cabinetoffice.example,Cabinet Office,charity,,,,",
        "Grace Mensah,grace@companieshouse.example,Companies House,government,observer,,,not-an-email",
        ",owen.lewis@cabinetoffice.example,Cabinet Office,government,,,,",
      ].join("\n"),
    );
    expect(problems).toEqual([
      {
        row: 2,
        column: "email",
        message: "“zara.ahmed@education” is not an email address, like name@example.com",
      },
      { row: 3, column: "sector", message: "Sector “charity” is not known: use government or industry" },
      { row: 4, column: "role", message: "Role “observer” is not known: use participant, mentor or leader" },
      {
        row: 4,
        column: "line_manager_email",
        message: "Line manager email “not-an-email” is not an email address",
      },
      { row: 5, column: "name", message: "Enter the person’s full name" },
    ]);
  });

  it("imports a person once: merges a row that repeats another exactly, leaves out rows that disagree", () => {
    const parsed = rowsOf(
      [
        HEADER,
        "Owen Lewis,owen@cabinetoffice.example,Cabinet Office,government,,Analyst,,",
        "Grace Mensah,grace@companieshouse.example,Companies House,government,,,,",
        "Owen Lewis,OWEN@cabinetoffice.example,cabinet  office,Government,participant,Analyst,,",
        "Grace Mensah,grace@companieshouse.example,Companies House,government,mentor,Lead,,",
        "Zara Ahmed,zara@education.example,Department for Education,government,,,,",
      ].join("\n"),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 6]);
    expect(parsed.merged).toEqual([{ row: 4, email: "OWEN@cabinetoffice.example", sameAs: 2 }]);
    expect(parsed.conflicts).toEqual([
      {
        email: "grace@companieshouse.example",
        rows: [3, 5],
        reason:
          "Rows 3 and 5 are both for grace@companieshouse.example but give a different role and job title: keep one row for this person and upload the file again to import them",
      },
    ]);
  });

  it("refuses files it cannot read, saying what to do", () => {
    const refused = (input: string | Uint8Array) => {
      const result = parseNominationsCsv(input);
      return result.ok ? "accepted" : result.error;
    };
    expect(refused("")).toMatch(/^The file is empty/);
    expect(refused(`${HEADER}\n`)).toMatch(/^The file has no nominations/);
    expect(refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x00]))).toMatch(
      /^The file is not a CSV file in UTF-8: save the spreadsheet as “CSV UTF-8/,
    );
    expect(refused('name,email,organisation,sector\n"unclosed,a@b.example,X,industry\n')).toMatch(
      /^The file is not a CSV file Tandem can read/,
    );
    expect(refused("full name,mail\nA,a@b.example\n")).toMatch(/Missing: name, email, organisation, sector/);
    expect(refused(new Uint8Array(MAX_CSV_BYTES + 1).fill(0x41))).toBe(
      "The file must be smaller than 5 MB: split it into smaller files",
    );
    const tenThousand = [
      HEADER,
      ...Array.from({ length: 10_000 }, (_, i) => `P${i},p${i}@x.example,X,industry,,,,`),
    ];
    expect(refused(tenThousand.join("\n"))).toBe(
      "The file must have fewer than 10,000 rows: split it into smaller files",
    );
    expect(rowsOf(tenThousand.slice(0, 10_000).join("\n")).rows).toHaveLength(9_999);
  });
});

describe("checkOrganisations", () => {
  it("lists organisations Tandem does not know yet and sector clashes", () => {
    const { rows } = rowsOf(
      [
        HEADER,
        "A,a@x.example,kestrel  systems,industry,,,,",
        "B,b@x.example,Kestrel Systems,government,,,,",
        "C,c@x.example,Northwind Labs,industry,,,,",
        "D,d@x.example,Northwind Labs,industry,,,,",
        "E,e@x.example,Northwind Labs,government,,,,",
      ].join("\n"),
    );
    const check = checkOrganisations(rows, [{ name: "Kestrel Systems", sector: "industry" }]);
    expect(check.missing).toEqual([{ name: "Northwind Labs", sector: "industry", rows: [4, 5] }]);
    expect(check.problems).toEqual([
      {
        row: 3,
        column: "sector",
        message: "Kestrel Systems is an industry organisation, but this row says government",
      },
      {
        row: 6,
        column: "sector",
        message: "Northwind Labs is industry on row 4, but this row says government",
      },
    ]);
  });
});

describe("choosing the organisations to create", () => {
  const missing = [
    { name: "Northwind Labs", sector: "industry" as const, rows: [11, 12] },
    { name: "Fjord Digital", sector: "industry" as const, rows: [13] },
  ];

  it("creates each chosen organisation in the region chosen for it", () => {
    expect(
      organisationsToCreate(missing, ["Northwind Labs", "Fjord Digital"], ["scotland", "england-and-wales"]),
    ).toEqual({
      ok: true,
      create: [
        { name: "Northwind Labs", sector: "industry", region: "scotland" },
        { name: "Fjord Digital", sector: "industry", region: "england-and-wales" },
      ],
    });
  });

  it("asks for every organisation not chosen and every region not known", () => {
    expect(organisationsToCreate(missing, ["Fjord Digital"], [undefined, "atlantis"])).toEqual({
      ok: false,
      errors: {
        create: [
          "Select “Create Northwind Labs”, or correct the organisation's name in your spreadsheet and upload it again",
        ],
        "regions[1]": ["Select the UK region of Fjord Digital"],
      },
    });
  });
});

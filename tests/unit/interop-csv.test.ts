// CSV as spreadsheets read it: RFC 4180 quoting, CRLF, a BOM, and cells that
// would run as formulas neutralized. Parsed back with csv-parse.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { BYTE_ORDER_MARK, csvField, neutralizeFormula, toCsv } from "@/lib/interop/csv/csv";

describe("CSV", () => {
  it("neutralizes cells starting with =, +, -, @, tab or CR and leaves others alone", () => {
    for (const dangerous of ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutralizeFormula(dangerous)).toBe(`'${dangerous}`);
    }
    for (const safe of ["Wagner left", " =not first", "1-2", "e@mail", "'quoted"]) expect(neutralizeFormula(safe)).toBe(safe);
    expect(csvField(-5)).toBe("-5");
  });

  it("quotes per RFC 4180 and round-trips through a CSV parser, UTF-8 and RTL text included", () => {
    const rows = [
      ["id", "rationale", "quote"],
      ["1", 'He said "leave", then stayed', "line one\nline two"],
      ["2", "=cmd|' /C calc'!A0", "مالي, 🙂 Bamako"],
      ["3", "", "\r\n"],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain('"He said ""leave"", then stayed"');
    const parsed = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(parsed).toEqual([rows[0], rows[1], ["2", "'=cmd|' /C calc'!A0", "مالي, 🙂 Bamako"], ["3", "", "'\r\n"]]);
  });
});

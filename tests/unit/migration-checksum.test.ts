// Checksums decide whether `db:migrate` refuses to run, so they must agree
// with what Prisma Migrate stored in _prisma_migrations.
import { describe, expect, it } from "vitest";
import { computeChecksum, matchesChecksum } from "@/lib/infra/migrations";

describe("migration checksums", () => {
  it("is the zero-padded sha256 hex of the file, as Prisma stores it", () => {
    expect(computeChecksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  });

  it("accepts the same script checked out with other line endings", () => {
    const unix = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
    const windows = unix.replaceAll("\n", "\r\n");
    expect(matchesChecksum(windows, computeChecksum(unix))).toBe(true);
    expect(matchesChecksum(unix, computeChecksum(windows))).toBe(true);
  });

  it("accepts checksums written unpadded by old Prisma versions", () => {
    const sql = "SELECT 1;";
    const unpadded = [...Buffer.from(computeChecksum(sql), "hex")].map((byte) => byte.toString(16)).join("");
    expect(unpadded.length).toBeLessThan(64);
    expect(matchesChecksum(sql, unpadded)).toBe(true);
  });

  it("rejects any real edit", () => {
    expect(matchesChecksum("abc\n", computeChecksum("abc"))).toBe(false);
    expect(matchesChecksum("SELECT 2;", computeChecksum("SELECT 1;"))).toBe(false);
  });
});

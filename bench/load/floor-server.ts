// The bare floor the load figures are compared with: a plain Node `http`
// server and a `pg` pool of the app's size, storing the same create-annotation
// body the same way (annotation row + span rows, one transaction). No
// framework, no auth, no validation: what this machine can do at best.
// Runs as its own process (like the app), started by bench/load/run.ts.
import http from "node:http";

import pg from "pg";

const port = Number(process.env.FLOOR_PORT);
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_SIZE ?? 10) });
pool.on("error", () => {}); // an idle connection dropped by the server: the pool replaces it

type Body = { kind: string; rationale: string; spans: Array<{ sourceId: string; start: number; end: number; exact: string }> };

export const FLOOR_SCHEMA = `
  CREATE TABLE IF NOT EXISTS floor_annotation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL, rationale text NOT NULL,
    version int NOT NULL DEFAULT 1, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS floor_span (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), annotation_id uuid NOT NULL REFERENCES floor_annotation(id),
    source_id uuid NOT NULL, start int NOT NULL, "end" int NOT NULL, exact text NOT NULL, position int NOT NULL);`;

async function insert(body: Body): Promise<unknown> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      "INSERT INTO floor_annotation (kind, rationale) VALUES ($1, $2) RETURNING id, kind, rationale, version",
      [body.kind, body.rationale],
    );
    const annotation = rows[0] as { id: string };
    const values = body.spans.flatMap((span, index) => [annotation.id, span.sourceId, span.start, span.end, span.exact, index]);
    const placeholders = body.spans
      .map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`)
      .join(", ");
    await client.query(`INSERT INTO floor_span (annotation_id, source_id, start, "end", exact, position) VALUES ${placeholders}`, values);
    await client.query("COMMIT");
    return { ...annotation, spans: body.spans };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const reply = (status: number, data: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(data));
    };
    if (request.method === "GET") {
      pool.query("SELECT 1").then(
        () => reply(200, { status: "ok" }),
        () => reply(503, { status: "down" }),
      );
      return;
    }
    insert(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body).then(
      (created) => reply(201, created),
      (error: unknown) => reply(500, { error: String(error) }),
    );
  });
});

async function main(): Promise<void> {
  await pool.query(FLOOR_SCHEMA);
  server.listen(port, "127.0.0.1", () => process.send?.("ready"));
}

process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
void main();

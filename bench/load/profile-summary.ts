// `npx tsx bench/load/profile-summary.ts <file.cpuprofile> [requests]`: where a
// V8 CPU profile of the app spent its time, by part of the stack (Next.js,
// Prisma, next-auth, pg, our code …), as self time and per request.
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const parts: Array<[string, RegExp]> = [
  ["garbage collection", /^\(garbage collector\)$/],
  ["idle", /^\((idle|program)\)$/],
  ["prisma query compiler (wasm)", /query_compiler|wasm:\/\//],
  ["prisma client runtime", /@prisma\/client|prisma\/client\/runtime/],
  ["prisma adapter-pg + pg", /adapter-pg|node_modules\/pg(-protocol|-types|-pool)?\//],
  ["next-auth / jose / crypto", /next-auth|jose|oauth|openid|hkdf/],
  ["zod", /node_modules\/zod\//],
  ["react server rendering", /react-server-dom|react-dom|react\.|compiled\/react/],
  ["next.js server", /node_modules\/next\//],
  ["app code (.next chunks)", /\.next\/server/],
  ["node internals", /^node:|^internal\//],
];

function partOf(node: Node): string {
  const key = node.callFrame.url || node.callFrame.functionName;
  for (const [name, pattern] of parts) if (pattern.test(key) || pattern.test(node.callFrame.functionName)) return name;
  return node.callFrame.url ? "other modules" : `native: ${node.callFrame.functionName || "(anonymous)"}`;
}

const [file, requestsArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const totals = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  const part = partOf(byId.get(id)!);
  totals.set(part, (totals.get(part) ?? 0) + ms);
  if (part !== "idle") total += ms;
});
const requests = Number(requestsArg ?? 0);
console.log(`busy ${total.toFixed(0)} ms${requests ? `, ${(total / requests).toFixed(2)} ms per request over ${requests}` : ""}`);
for (const [part, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
  const share = part === "idle" ? "" : `${((ms / total) * 100).toFixed(1).padStart(5)} %`;
  console.log(
    `  ${part.padEnd(34)} ${ms.toFixed(0).padStart(8)} ms ${share}${requests && part !== "idle" ? `  ${(ms / requests).toFixed(3)} ms/req` : ""}`,
  );
}

// The heaviest functions by self time, for a closer look.
const byFunction = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const node = byId.get(id)!;
  const where = node.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/\.next\//, ".next/");
  const key = `${node.callFrame.functionName || "(anonymous)"}  ${where}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
});
console.log("\nheaviest functions (self time):");
for (const [key, ms] of [...byFunction]
  .sort((a, b) => b[1] - a[1])
  .filter(([key]) => !/^\((idle|program)\)/.test(key))
  .slice(0, 25)) {
  console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${key.slice(0, 150)}`);
}

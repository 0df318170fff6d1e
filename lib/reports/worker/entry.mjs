// Entry of the report worker thread (lib/reports/pdf-pool.ts). Plain
// JavaScript so Node can start it as it is under `next start`, Vitest and
// tsx alike; tsx (already what `npm start` runs on) then loads the
// TypeScript renderer with the project's path aliases.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");

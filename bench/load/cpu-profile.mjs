// Preloaded into the app by `LOAD_PROFILE_DIR=… npm run load` (through
// NODE_OPTIONS=--import, since --cpu-prof is not allowed there): profiles the
// Next.js server process and writes a .cpuprofile when it exits.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const session = new inspector.Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 200 });
session.post("Profiler.start");

process.on("exit", () => {
  if (!process.title.startsWith("next-server")) return; // the launcher and build steps inherit NODE_OPTIONS too
  // An in-thread inspector session answers synchronously, so this works in an exit handler.
  session.post("Profiler.stop", (error, result) => {
    if (error) return;
    const file = path.join(process.env.LOAD_PROFILE_DIR, `next-server-${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
  });
});

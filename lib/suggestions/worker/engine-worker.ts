// Entry of the worker thread that runs the suggestion engine, so tokenizing
// and scoring (up to a few seconds of CPU for long sources) never run on the
// thread that answers requests. One request at a time; progress at most
// every 100 ms.
import { parentPort } from "node:worker_threads";

import { suggestForSources } from "../suggest";
import type { EngineReply, EngineRequest } from "./protocol";

const port = parentPort;

function reply(message: EngineReply): void {
  port?.postMessage(message);
}

port?.on("message", ({ id, sources }: EngineRequest) => {
  let lastProgressAt = 0;
  try {
    const result = suggestForSources(sources, {
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastProgressAt < 100 && progress.done < progress.total) return;
        lastProgressAt = now;
        reply({ id, type: "progress", progress });
      },
    });
    reply({ id, type: "result", result });
  } catch (error) {
    reply({ id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});

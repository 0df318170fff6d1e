// A small Server-Sent Events reader for Node clients (tests and the load
// script); browsers use EventSource. Follows the spec's field rules for the
// fields this app sends: id, event, data, retry; comments are ignored.

export type SseMessage = { type: string; data: string; id: string | null };

export function createSseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let buffer = "";
  let type = "";
  let data: string[] = [];
  let id: string | null = null;
  return (chunk) => {
    buffer += chunk;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (line === "") {
        if (data.length > 0) onMessage({ type: type || "message", data: data.join("\n"), id });
        type = "";
        data = [];
        id = null;
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") type = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
    }
  };
}

/**
 * Stamps every incoming HTTP request with its socket's address (see
 * client-address.ts), replacing any header of that name the client sent.
 * Node publishes each request on the "http.server.request.start" diagnostics
 * channel before the server's handler (Next.js) sees it.
 */
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

import { PEER_HEADER, peerStamp } from "./client-address";

const installedKey = Symbol.for("parallax.peerStampInstalled");
const globals = globalThis as { [installedKey]?: boolean };

export function installPeerStamp(): void {
  if (globals[installedKey]) return;
  globals[installedKey] = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.remoteAddress) request.headers[PEER_HEADER] = peerStamp(socket.remoteAddress);
    else delete request.headers[PEER_HEADER];
  });
}

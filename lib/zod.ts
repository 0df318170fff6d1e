/**
 * zod, configured once: import `z` from here, never from "zod" (ESLint
 * enforces it). zod compiles object parsers with `new Function` unless told
 * not to, and probes for that ability when it builds its first object schema;
 * under our Content-Security-Policy (no 'unsafe-eval') the browser reports the
 * probe as a violation even though zod catches the error. Jitless parsing
 * never evaluates code, on the client or the server.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };

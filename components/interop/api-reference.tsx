"use client";

import "swagger-ui-dist/swagger-ui.css";

import { useEffect, useRef, useState } from "react";

/**
 * The API reference, rendered in the browser by Swagger UI (swagger-ui-dist,
 * bundled with the app: nothing is loaded from elsewhere, so the nonce-based
 * Content-Security-Policy holds) from GET /api/v1/openapi.json.
 */
export function ApiReference({ specUrl }: { specUrl: string }) {
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    let isCancelled = false;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (isCancelled || !root.current) return;
        SwaggerUI({
          domNode: root.current,
          url: specUrl,
          deepLinking: true,
          validatorUrl: null,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
        });
        setState("ready");
      })
      .catch(() => setState("error"));
    return () => {
      isCancelled = true;
    };
  }, [specUrl]);

  return (
    <div>
      {state === "loading" ? <p className="text-sm text-slate-600">Loading the API reference…</p> : null}
      {state === "error" ? (
        <p role="alert" className="text-sm text-red-700">
          The reference could not be shown. The document itself is at <a href={specUrl}>{specUrl}</a>.
        </p>
      ) : null}
      <div ref={root} className="api-reference" />
    </div>
  );
}

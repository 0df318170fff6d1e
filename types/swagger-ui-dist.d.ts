// swagger-ui-dist ships its prebuilt bundle without type declarations.
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  type SwaggerUIOptions = {
    domNode: HTMLElement;
    url?: string;
    spec?: object;
    deepLinking?: boolean;
    validatorUrl?: string | null;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    persistAuthorization?: boolean;
    withCredentials?: boolean;
  };
  const SwaggerUI: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUI;
}

declare module "swagger-ui-dist/swagger-ui.css";

// Stand-in for the `server-only` package under Vitest: services import it to
// fail client bundles, which does not apply to tests.
export {};

// Runs in each test worker before the test file is imported, so modules that
// read DATABASE_URL at import (lib/db.ts) connect to this run's test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

// The tables a workspace archive holds, in an order where every row's
// foreign keys point at rows already restored. Adding a table to the schema
// means adding it here (or to `excludedTables` with the reason): the archive
// test fails on any table that is in neither list.

export type ArchivedTable = {
  name: string;
  /** Columns never written to an archive (secrets). */
  omit?: string[];
  /** Values for omitted NOT NULL columns on restore. */
  restoreDefaults?: Record<string, unknown>;
  /** A column pointing at a row of the same table: restored parents first. */
  parentColumn?: string;
};

export const archivedTables: readonly ArchivedTable[] = [
  // No credentials leave the instance: restored accounts get an empty password hash, which no password
  // matches, and no second factor (people enrol again; an admin sets new passwords).
  {
    name: "User",
    omit: ["passwordHash", "twoFactorSecret", "twoFactorPendingSecret", "twoFactorEnabledAt", "twoFactorLastStep"],
    restoreDefaults: { passwordHash: "" },
  },
  { name: "Source" },
  { name: "SourceVersion" },
  { name: "Comparison" },
  { name: "ComparisonSource" },
  { name: "Annotation" },
  { name: "Span" },
  { name: "Review" },
  { name: "Comment", parentColumn: "parentId" },
  { name: "AuditEvent" },
  { name: "Notification" },
  { name: "SourceCheckRun" },
  { name: "SourceCheckItem" },
  { name: "Assessment" },
  { name: "AssessmentFinding" },
  { name: "AssessmentReview" },
  { name: "ReportSignoff" },
  { name: "Suggestion" },
  { name: "SuggestionDismissal" },
];

/** Tables deliberately left out of archives. */
export const excludedTables: Readonly<Record<string, string>> = {
  _prisma_migrations: "bookkeeping of the migrations; the archive header lists them instead",
  LoginAttempt: "sign-in throttling, expires within minutes",
  LoginThrottle: "sign-in throttling, expires within minutes",
  SuggestionJob: "a work queue's state (leases, progress); suggestions are recomputed on request",
  Presence: "who is looking at what right now; expires within a minute",
  ApiToken: "credentials never leave the instance; owners create new tokens after a restore",
  TwoFactorRecoveryCode: "credentials never leave the instance; people enrol in two-factor again after a restore",
};

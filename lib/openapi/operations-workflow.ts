// The /api/v1 operations of the review workflow beyond annotations: the
// comparison's assessment, suggestions, reports and sign-offs, and the
// signed-in user's own account. Part of `operations` (operations.ts).
import { z } from "@/lib/zod";

import { changePasswordSchema, updateProfileSchema } from "@/lib/account/schemas";
import { assessmentReviewSchema, assessmentVersionSchema, putAssessmentSchema } from "@/lib/assessments/schemas";
import { reportQuerySchema, signoffInputSchema } from "@/lib/reports/schemas";
import { presenceInputSchema } from "@/lib/live/schemas";
import { dismissSuggestionSchema, listSuggestionsQuerySchema } from "@/lib/suggestions/schemas";

import type { Operation } from "./types";

const json = (status: number, description: string) => ({ status, description });
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const workflowOperations: Operation[] = [
  // Assessment
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/assessment",
    tag: "Assessment",
    summary: "The comparison's assessment",
    success: json(200, "The assessment"),
    scope: "read",
  },
  {
    method: "put",
    path: "/api/v1/comparisons/{id}/assessment",
    tag: "Assessment",
    summary: "Create the assessment, or edit it (with `version`)",
    body: { schema: putAssessmentSchema, maxBytes: 64 * 1024 },
    success: json(200, "The assessment"),
    errors: [409],
    scope: "write",
  },
  {
    method: "delete",
    path: "/api/v1/comparisons/{id}/assessment",
    tag: "Assessment",
    summary: "Delete your draft assessment",
    success: json(204, "Deleted"),
    scope: "write",
  },
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/assessment/history",
    tag: "Assessment",
    summary: "Reviews and audit events of the assessment",
    success: json(200, "The history"),
    scope: "read",
  },
  {
    method: "post",
    path: "/api/v1/comparisons/{id}/assessment/submit",
    tag: "Assessment",
    summary: "Submit the assessment for review",
    body: { schema: assessmentVersionSchema },
    success: json(200, "The assessment"),
    errors: [409],
    scope: "write",
  },
  {
    method: "post",
    path: "/api/v1/comparisons/{id}/assessment/withdraw",
    tag: "Assessment",
    summary: "Withdraw the assessment from review",
    body: { schema: assessmentVersionSchema },
    success: json(200, "The assessment"),
    errors: [409],
    scope: "write",
  },
  {
    method: "post",
    path: "/api/v1/comparisons/{id}/assessment/reviews",
    tag: "Assessment",
    summary: "Approve, request changes on or reject the assessment (four-eyes)",
    body: { schema: assessmentReviewSchema },
    success: json(201, "The review"),
    errors: [409],
    scope: "review",
  },
  // Suggestions
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/suggestions",
    tag: "Suggestions",
    summary: "Open suggestions, best first, with the job's state",
    query: listSuggestionsQuerySchema,
    success: json(200, "{job, skipped, suggestions, total}"),
    scope: "read",
  },
  {
    method: "post",
    path: "/api/v1/suggestions/{id}/accept",
    tag: "Suggestions",
    summary: "Accept a suggestion as your draft annotation",
    success: json(201, "{suggestion, annotation}"),
    scope: "write",
  },
  {
    method: "post",
    path: "/api/v1/suggestions/{id}/dismiss",
    tag: "Suggestions",
    summary: "Dismiss a suggestion (the body may be left out)",
    body: { schema: dismissSuggestionSchema, maxBytes: 8 * 1024 },
    success: json(200, "The suggestion"),
    scope: "write",
  },
  // Reports and sign-offs
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/report.docx",
    tag: "Exports",
    summary: "The report as a Word document",
    query: reportQuerySchema,
    success: { status: 200, description: "DOCX", contentType: docx },
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/signoffs",
    tag: "Reports",
    summary: "Sign-offs of the comparison's report",
    success: json(200, "{signoffs}"),
    scope: "read",
  },
  {
    method: "post",
    path: "/api/v1/comparisons/{id}/signoffs",
    tag: "Reports",
    summary: "Sign off the approved report (stores the signed PDF)",
    body: { schema: signoffInputSchema, maxBytes: 64 * 1024 },
    success: json(201, "The sign-off"),
    errors: [503],
    scope: "review",
  },
  {
    method: "get",
    path: "/api/v1/signoffs/{id}/report.pdf",
    tag: "Reports",
    summary: "The signed PDF, byte for byte",
    success: { status: 200, description: "PDF", contentType: "application/pdf" },
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/signoffs/{id}/report.docx",
    tag: "Reports",
    summary: "The signed report as a Word document",
    success: { status: 200, description: "DOCX", contentType: docx },
    scope: "read",
  },
  {
    method: "post",
    path: "/api/v1/reports/verify",
    tag: "Reports",
    summary: "Check a PDF against the stored sign-offs (send the file itself as the body)",
    body: { schema: z.string().describe("The PDF bytes"), contentType: "application/pdf" },
    success: json(200, "The verification result"),
    errors: [413],
    scope: "read",
  },
  // Live updates
  {
    method: "get",
    path: "/api/v1/events",
    tag: "Live",
    summary: "Server-Sent Events for the review queue, returned work and the nav counts (resume with Last-Event-ID)",
    success: { status: 200, description: "An event stream", contentType: "text/event-stream" },
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/events",
    tag: "Live",
    summary: "Server-Sent Events: this comparison's changes and presence, and the review queue's",
    success: { status: 200, description: "An event stream", contentType: "text/event-stream" },
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/me/counts",
    tag: "Live",
    summary: "The nav badges: {toReview?, returned}",
    success: json(200, "{toReview?, returned}"),
    scope: "read",
  },
  {
    method: "put",
    path: "/api/v1/presence/{connectionId}",
    tag: "Live",
    summary: "What you are doing on your own live connection (viewing, editing, reviewing)",
    body: { schema: presenceInputSchema, maxBytes: 4096 },
    success: json(204, "Recorded"),
    scope: "write",
  },
  // The signed-in user's own account: cookie session only.
  {
    method: "patch",
    path: "/api/v1/account",
    tag: "Account",
    summary: "Change your name",
    body: { schema: updateProfileSchema },
    success: json(200, "The account"),
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/password",
    tag: "Account",
    summary: "Change your password (other sessions end)",
    body: { schema: changePasswordSchema },
    success: json(204, "Changed"),
    scope: null,
  },
  {
    method: "delete",
    path: "/api/v1/account/sessions",
    tag: "Account",
    summary: "Sign out everywhere",
    success: json(204, "Signed out"),
    scope: null,
  },
];

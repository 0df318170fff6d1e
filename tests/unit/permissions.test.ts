import { describe, expect, it } from "vitest";

import {
  canDeleteAnnotation,
  canEditAnnotation,
  canSeeAnnotation,
  canSubmitAnnotation,
  canWithdrawAnnotation,
} from "@/lib/annotations/access";
import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { assertPermission } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { canGradeSources, canManageComparison } from "@/lib/comparisons/access";
import { canReviewAnnotation } from "@/lib/reviews/eligibility";
import { canManageSource } from "@/lib/sources/access";

// Who may do what, as each person would find out by trying: these are the
// functions both the services (enforcing) and the UI (offering buttons) call.

const person = (role: Role, id = `${role}-1`) => ({ id, email: `${id}@example.com`, name: id, role });
const ana = person("analyst", "ana");
const ari = person("analyst", "ari");
const rey = person("reviewer", "rey");
const ada = person("admin", "ada");
const byAna = (status: AnnotationStatus) => ({ status, author: { id: "ana" } });

describe("annotations", () => {
  it("lets the author edit a draft, and an admin edit anyone's, but not another analyst", () => {
    expect(canEditAnnotation(ana, byAna("draft"))).toBe(true);
    expect(canEditAnnotation(ada, byAna("draft"))).toBe(true);
    expect(canEditAnnotation(ari, byAna("draft"))).toBe(false);
    expect(canEditAnnotation(rey, byAna("draft"))).toBe(false);
  });

  it("freezes an annotation while it is in review, for its author and admins alike", () => {
    expect(canEditAnnotation(ana, byAna("in_review"))).toBe(false);
    expect(canEditAnnotation(ada, byAna("in_review"))).toBe(false);
    expect(canWithdrawAnnotation(ana, byAna("in_review"))).toBe(true);
    expect(canWithdrawAnnotation(ada, byAna("in_review"))).toBe(false);
    expect(canWithdrawAnnotation(ana, byAna("approved"))).toBe(false);
  });

  it("lets only the author submit, from draft or after changes were requested", () => {
    expect(canSubmitAnnotation(ana, byAna("draft"))).toBe(true);
    expect(canSubmitAnnotation(ana, byAna("changes_requested"))).toBe(true);
    expect(canSubmitAnnotation(ana, byAna("approved"))).toBe(false);
    expect(canSubmitAnnotation(ada, byAna("draft"))).toBe(false);
  });

  it("lets authors delete their drafts and rejected work, and admins anything", () => {
    expect(canDeleteAnnotation(ana, byAna("draft"))).toBe(true);
    expect(canDeleteAnnotation(ana, byAna("rejected"))).toBe(true);
    expect(canDeleteAnnotation(ana, byAna("approved"))).toBe(false);
    expect(canDeleteAnnotation(ari, byAna("draft"))).toBe(false);
    expect(canDeleteAnnotation(ada, byAna("approved"))).toBe(true);
  });

  it("keeps drafts to their author (and admins) until submitted", () => {
    expect(canSeeAnnotation(ana, byAna("draft"))).toBe(true);
    expect(canSeeAnnotation(ari, byAna("draft"))).toBe(false);
    expect(canSeeAnnotation(rey, byAna("draft"))).toBe(false);
    expect(canSeeAnnotation(ada, byAna("draft"))).toBe(true);
    expect(canSeeAnnotation(ari, byAna("in_review"))).toBe(true);
  });

  it("offers review only to reviewers and admins, never on their own work, and only in review", () => {
    expect(canReviewAnnotation(rey, byAna("in_review"))).toBe(true);
    expect(canReviewAnnotation(ada, byAna("in_review"))).toBe(true);
    expect(canReviewAnnotation(ari, byAna("in_review"))).toBe(false);
    expect(canReviewAnnotation(rey, { status: "in_review", author: { id: "rey" } })).toBe(false);
    expect(canReviewAnnotation(rey, byAna("draft"))).toBe(false);
  });
});

describe("comparisons and sources", () => {
  const anasComparison = { createdBy: { id: "ana" } };

  it("lets the creator and admins change a comparison, not other analysts or reviewers", () => {
    expect(canManageComparison(ana, anasComparison)).toBe(true);
    expect(canManageComparison(ada, anasComparison)).toBe(true);
    expect(canManageComparison(ari, anasComparison)).toBe(false);
    expect(canManageComparison(rey, anasComparison)).toBe(false);
    expect(canManageComparison(ari, { createdBy: null })).toBe(false);
  });

  it("lets every role grade sources", () => {
    for (const who of [ana, rey, ada]) expect(canGradeSources(who)).toBe(true);
  });

  it("lets the importer and admins change a source", () => {
    expect(canManageSource(ana, { createdById: "ana" })).toBe(true);
    expect(canManageSource(ada, { createdById: "ana" })).toBe(true);
    expect(canManageSource(ari, { createdById: "ana" })).toBe(false);
  });

  it("refuses a role without the permission with a 403", () => {
    expect(() => assertPermission(ana, "user.manage")).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertPermission(rey, "comparison.delete")).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertPermission(ada, "user.manage")).not.toThrow();
  });
});

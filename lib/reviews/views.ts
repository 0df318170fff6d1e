import type { ReviewDecision } from "@/lib/annotations/state";
import type { Prisma } from "@/lib/generated/prisma/client";

export const reviewSelect = {
  id: true,
  annotationId: true,
  decision: true,
  comment: true,
  annotationVersion: true,
  createdAt: true,
  reviewer: { select: { id: true, name: true } },
} satisfies Prisma.ReviewSelect;

export type ReviewRecord = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;

export type ReviewView = Omit<ReviewRecord, "createdAt" | "decision"> & { decision: ReviewDecision; createdAt: string };

export function toReviewView(record: ReviewRecord): ReviewView {
  return { ...record, createdAt: record.createdAt.toISOString() };
}

export type NavCounts = { toReview?: number; returned?: number };

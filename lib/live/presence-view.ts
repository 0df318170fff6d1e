import { canSeeAnnotation, type AnnotationActor } from "@/lib/annotations/access";
import type { AnnotationStatus } from "@/lib/annotations/schemas";
import type { PresenceEntry } from "@/lib/live/events";
import type { PresenceActivity } from "@/lib/live/presence-activity";

// Presence rows as one recipient may see them (pure; rows come from presence.ts).

export type PresenceRow = {
  userId: string;
  name: string;
  activity: PresenceActivity;
  annotationId: string | null;
  annotationStatus: AnnotationStatus | null;
  annotationAuthorId: string | null;
};

/** The presence list as one recipient may see it: one entry per person; nobody's private draft is named. */
export function presenceFor(rows: PresenceRow[], recipient: AnnotationActor): PresenceEntry[] {
  const people = new Map<string, PresenceEntry>();
  for (const row of rows) {
    const entry = people.get(row.userId) ?? { user: { id: row.userId, name: row.name }, annotations: [] };
    people.set(row.userId, entry);
    if (row.activity === "viewing" || !row.annotationId || !row.annotationStatus || !row.annotationAuthorId) continue;
    if (!canSeeAnnotation(recipient, { status: row.annotationStatus, author: { id: row.annotationAuthorId } })) continue;
    if (!entry.annotations.some((a) => a.id === row.annotationId && a.activity === row.activity)) {
      entry.annotations.push({ id: row.annotationId, activity: row.activity });
    }
  }
  return [...people.values()];
}

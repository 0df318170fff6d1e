// What someone is doing on a comparison. "viewing" is having it open; the
// other two name the annotation open in the composer or the review panel.
export const presenceActivities = ["viewing", "editing", "reviewing"] as const;
export type PresenceActivity = (typeof presenceActivities)[number];

export const activityVerb: Record<Exclude<PresenceActivity, "viewing">, string> = {
  editing: "is editing",
  reviewing: "is reviewing",
};

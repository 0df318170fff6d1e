import { z } from "@/lib/zod";

import { presenceActivities } from "@/lib/live/presence-activity";

export const presenceInputSchema = z
  .object({
    activity: z.enum(presenceActivities),
    annotationId: z.uuid("must be an annotation id").nullable().optional(),
  })
  .refine((input) => input.activity === "viewing" || Boolean(input.annotationId), {
    message: "Editing and reviewing name the annotation.",
    path: ["annotationId"],
  });

export type PresenceInput = z.input<typeof presenceInputSchema>;

import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

export const MAX_COMMENT = 5_000;

export const createCommentSchema = z.object({
  body: safeText().trim().min(1, "Write a comment.").max(MAX_COMMENT, `At most ${MAX_COMMENT} characters.`),
  parentId: z.string().uuid("must be a comment id").optional(),
});

export type CreateCommentInput = z.input<typeof createCommentSchema>;

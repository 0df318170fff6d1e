import type { Prisma } from "@/lib/generated/prisma/client";

export const commentSelect = {
  id: true,
  annotationId: true,
  parentId: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.CommentSelect;

export type CommentRecord = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;
export type CommentView = Omit<CommentRecord, "createdAt"> & { createdAt: string };

export function toCommentView(record: CommentRecord): CommentView {
  return { ...record, createdAt: record.createdAt.toISOString() };
}

export type CommentThread = CommentView & { replies: CommentView[] };

/** Top-level comments in order, each with its replies (any depth, flattened) in order. */
export function threadComments(comments: CommentView[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (comment: CommentView): string => {
    let current = comment;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId)!;
    }
    return current.id;
  };
  const threads = new Map<string, CommentThread>();
  for (const comment of comments) if (rootOf(comment) === comment.id) threads.set(comment.id, { ...comment, replies: [] });
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root !== comment.id) threads.get(root)?.replies.push(comment);
  }
  return [...threads.values()];
}

import { addComment, listComments } from "@/lib/comments/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json({ comments: await listComments(actor, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request);
  return json(await addComment(actor, params.id, body), { status: 201 });
});

import type { DiffBlock, DiffStats } from "@/lib/versions/diff";

// A version diff for reading: unchanged paragraphs fold away (the first and
// last of a run stay as context), insertions are underlined green, deletions
// struck through red, moved paragraphs marked at both places. Colour is
// never the only signal: each mark also says what it is to screen readers.

const FOLD_AFTER = 3;

function Paragraph({ block }: { block: DiffBlock }) {
  switch (block.type) {
    case "equal":
      return (
        <p dir="auto" className="text-slate-600">
          {block.text}
        </p>
      );
    case "inserted":
      return (
        <p dir="auto" className="rounded border-l-4 border-emerald-600 bg-emerald-50 pl-2" data-diff="inserted">
          <span className="sr-only">Inserted paragraph: </span>
          <ins className="decoration-emerald-700">{block.text}</ins>
        </p>
      );
    case "deleted":
      return (
        <p dir="auto" className="rounded border-l-4 border-red-600 bg-red-50 pl-2" data-diff="deleted">
          <span className="sr-only">Deleted paragraph: </span>
          <del className="decoration-red-700">{block.text}</del>
        </p>
      );
    case "moved":
      return (
        <p dir="auto" className="rounded border-l-4 border-sky-600 bg-sky-50 pl-2" data-diff={`moved-${block.direction}`}>
          <span className="mr-1 rounded bg-sky-200 px-1 text-xs font-semibold text-sky-950">
            {block.direction === "from" ? `Moved away (↓ move ${block.moveId})` : `Moved here (↑ move ${block.moveId})`}
          </span>
          {block.text}
        </p>
      );
    case "changed":
      return (
        <p dir="auto" className="rounded border-l-4 border-amber-500 bg-amber-50/60 pl-2" data-diff="changed">
          {block.parts.map((part, i) =>
            part.type === "insert" ? (
              <ins key={i} className="bg-emerald-100 text-emerald-950 decoration-emerald-700">
                <span className="sr-only">[inserted: </span>
                {part.text}
                <span className="sr-only">]</span>
              </ins>
            ) : part.type === "delete" ? (
              <del key={i} className="bg-red-100 text-red-950 decoration-red-700">
                <span className="sr-only">[deleted: </span>
                {part.text}
                <span className="sr-only">]</span>
              </del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      );
  }
}

/** Groups runs of unchanged paragraphs so long ones can fold. */
function fold(blocks: DiffBlock[]): Array<DiffBlock | { type: "fold"; hidden: DiffBlock[] }> {
  const out: Array<DiffBlock | { type: "fold"; hidden: DiffBlock[] }> = [];
  let run: DiffBlock[] = [];
  const flush = () => {
    if (run.length > FOLD_AFTER) out.push(run[0]!, { type: "fold", hidden: run.slice(1, -1) }, run[run.length - 1]!);
    else out.push(...run);
    run = [];
  };
  for (const block of blocks) {
    if (block.type === "equal") run.push(block);
    else {
      flush();
      out.push(block);
    }
  }
  flush();
  return out;
}

export function DiffStatsLine({ stats }: { stats: DiffStats }) {
  const isSame = stats.insertedWords + stats.deletedWords + stats.movedParagraphs === 0;
  if (isSame) return <p className="text-sm text-slate-700">The two versions have the same text.</p>;
  return (
    <p className="text-sm text-slate-700" data-testid="diff-stats">
      <span className="font-semibold text-emerald-800">+{stats.insertedWords} words</span> ·{" "}
      <span className="font-semibold text-red-800">−{stats.deletedWords} words</span> · {stats.changedParagraphs} paragraph
      {stats.changedParagraphs === 1 ? "" : "s"} edited · {stats.movedParagraphs} moved
    </p>
  );
}

export function DiffView({ blocks }: { blocks: DiffBlock[] }) {
  return (
    <div className="space-y-3 font-serif text-[15px] leading-relaxed break-words text-slate-900" data-testid="diff-view">
      {fold(blocks).map((block, i) =>
        block.type === "fold" ? (
          <details key={i} className="rounded border border-dashed border-slate-300 px-2 py-1 font-sans text-sm text-slate-600">
            <summary className="cursor-pointer focus-visible:outline-2 focus-visible:outline-indigo-600">
              {block.hidden.length} unchanged paragraph{block.hidden.length === 1 ? "" : "s"}
            </summary>
            <div className="mt-2 space-y-3 font-serif text-[15px]">
              {block.hidden.map((hidden, j) => (
                <Paragraph key={j} block={hidden} />
              ))}
            </div>
          </details>
        ) : (
          <Paragraph key={i} block={block} />
        ),
      )}
    </div>
  );
}

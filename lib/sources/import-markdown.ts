/**
 * Markdown → plain text for import: the words an analyst reads, without the
 * markup. Headings, emphasis, code, links and images (→ their text), block
 * quotes, list markers (→ "• " bullets, numbers kept), rules, reference link
 * definitions and YAML front matter are stripped; line and paragraph breaks
 * stay. Deliberately small: it is not a renderer, and never produces HTML.
 */

export type MarkdownExtraction = { text: string; title?: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function markdownToText(markdown: string): MarkdownExtraction {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let title: string | undefined;
  let start = 0;
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (end > 0) {
      const titleLine = lines.slice(1, end).find((line) => /^title\s*:/i.test(line));
      title =
        titleLine
          ?.replace(/^title\s*:\s*/i, "")
          .replace(/^["']|["']$/g, "")
          .trim() || undefined;
      start = end + 1;
    }
  }
  const out: string[] = [];
  let fence: string | null = null;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMatch = line.match(FENCE);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      else out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!.slice(0, 3);
      continue;
    }
    const next = lines[index + 1] ?? "";
    // Setext heading: the underline goes, the text stays.
    if (line.trim() !== "" && /^\s{0,3}(?:=+|-+)\s*$/.test(next) && !isListItem(line)) {
      const heading = inline(line.trim());
      title ??= next.trim().startsWith("=") ? heading : undefined;
      out.push(heading, "");
      index++;
      continue;
    }
    const atx = line.match(/^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/);
    if (atx) {
      const heading = inline(atx[2]!);
      if (atx[1] === "#") title ??= heading;
      out.push("", heading, "");
      continue;
    }
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line)) {
      out.push("");
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // reference link definition
    out.push(blockLine(line));
  }
  return {
    text: out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
    title,
  };
}

function isListItem(line: string): boolean {
  return /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.test(line);
}

function blockLine(line: string): string {
  let rest = line.replace(/^\s{0,3}(?:>\s?)+/, ""); // block quote markers
  rest = rest.replace(/^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?/, "$1• ");
  return inline(rest);
}

/** Inline markup → text. Code spans are protected so their contents stay literal. */
export function inline(text: string): string {
  const code: string[] = [];
  let out = text.replace(/(`+)(.+?)\1/g, (_, _ticks: string, content: string) => {
    code.push(content.trim());
    return `\u0000${code.length - 1}\u0000`;
  });
  out = out
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, "$1")
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1")
    .replace(/ {2,}$/, "");
  return out.replace(/\u0000(\d+)\u0000/g, (_, index: string) => code[Number(index)] ?? "");
}

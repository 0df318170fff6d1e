// Reads a tagged PDF the way assistive technology does: pdf.js's structure
// tree per page, with each marked-content id resolved to the text it marks.
// `readingOrder` flattens it into (role, text) pairs in structure order.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export type StructNode = { role: string; alt?: string; lang?: string; text: string; children: StructNode[] };

type RawNode = { role?: string; alt?: string; lang?: string; type?: string; id?: string; children?: RawNode[] };
type TextItem = { str?: string; type?: string; id?: string };

export async function readStructure(pdf: Uint8Array): Promise<{ pages: StructNode[]; title: string | null; lang: string | null }> {
  const document = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: StructNode[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byId = new Map<string, string>();
      let current: string | null = null;
      for (const item of content.items as TextItem[]) {
        if (item.type === "beginMarkedContentProps" && item.id) current = item.id;
        else if (item.type === "endMarkedContent") current = null;
        else if (current && typeof item.str === "string") byId.set(current, (byId.get(current) ?? "") + item.str);
      }
      const convert = (node: RawNode): StructNode => {
        if (node.type === "content" && node.id) return { role: "#content", text: byId.get(node.id) ?? "", children: [] };
        const children = (node.children ?? []).map(convert);
        return { role: node.role ?? "", alt: node.alt, lang: node.lang, text: children.map((c) => c.text).join(" "), children };
      };
      const tree = (await page.getStructTree()) as RawNode | null;
      pages.push(tree ? convert(tree) : { role: "Root", text: "", children: [] });
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Title?: string; Language?: string };
    return { pages, title: info.Title ?? null, lang: info.Language ?? null };
  } finally {
    await document.destroy();
  }
}

/** Every element with the given role, in reading order. */
export function findRoles(nodes: StructNode[], role: string): StructNode[] {
  const out: StructNode[] = [];
  const walk = (node: StructNode) => {
    if (node.role === role) out.push(node);
    node.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

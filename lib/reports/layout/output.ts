import { margins } from "@/lib/reports/layout/theme";

// Sections are laid out twice by the same code: a dry pass that only counts
// pages (so every footer can say "of Y" while pages are still streamed out)
// and the real pass that paints. Measurements are shared, not repeated.
//
// The real pass also writes the structure tree of the tagged PDF: `begin`/
// `end` open and close structure elements (headings, paragraphs, tables …)
// and `paintAs` wraps what it draws in marked content that belongs to the
// innermost open element. The tree's order is the reading order, whatever
// order things are drawn in. The dry pass ignores all of it.

type Doc = PDFKit.PDFDocument;

export type StructOptions = { alt?: string; lang?: string; title?: string; scope?: "Row" | "Column" | "Both" };

type StructElement = {
  add(child: unknown): StructElement;
  end(): void;
};

type TaggingDoc = Doc & {
  struct(type: string, options?: StructOptions): StructElement;
  addStructure(element: StructElement): Doc;
  markStructureContent(tag: string): unknown;
  markContent(tag: string, options?: Record<string, unknown>): Doc;
  endMarkedContent(): Doc;
};

export type OpenElement = { type: string; element: StructElement };

export class Output {
  y: number = margins.top;
  pages = 1;
  private readonly stack: Array<{ type: string; element: StructElement }> = [];

  constructor(
    readonly doc: Doc,
    readonly isDry: boolean,
    readonly isTagged = false,
  ) {
    if (!isDry && isTagged) {
      const tagging = doc as TaggingDoc;
      const root = tagging.struct("Document");
      tagging.addStructure(root);
      this.stack.push({ type: "Document", element: root });
    }
  }

  addPage(): void {
    this.pages += 1;
    this.y = margins.top;
    if (!this.isDry) this.doc.addPage();
  }

  paint(draw: (doc: Doc) => void): void {
    if (!this.isDry) draw(this.doc);
  }

  /** Opens a structure element inside the current one. */
  begin(type: string, options?: StructOptions): void {
    if (this.isDry || !this.isTagged) return;
    const element = (this.doc as TaggingDoc).struct(type, options);
    this.stack.at(-1)!.element.add(element);
    this.stack.push({ type, element });
  }

  /** Closes the innermost element; pdfkit then writes it out and forgets its children. */
  end(): void {
    if (this.isDry || !this.isTagged) return;
    if (this.stack.length <= 1) throw new Error("Output.end() without begin()");
    this.stack.pop()!.element.end();
  }

  /**
   * An element attached to the current one but not entered: for content that
   * is drawn in turns, like side-by-side panels continued on the next page.
   */
  open(type: string, options?: StructOptions): OpenElement | null {
    if (this.isDry || !this.isTagged) return null;
    const element = (this.doc as TaggingDoc).struct(type, options);
    this.stack.at(-1)!.element.add(element);
    return { type, element };
  }

  /** Runs `fn` with `handle` as the current element. */
  within(handle: OpenElement | null, fn: () => void): void {
    if (!handle) return fn();
    this.stack.push(handle);
    try {
      fn();
    } finally {
      this.stack.pop();
    }
  }

  close(handle: OpenElement | null): void {
    handle?.element.end();
  }

  /** Paints content that belongs to the current element (as its own marked-content sequence). */
  paintAs(draw: (doc: Doc) => void): void {
    if (this.isDry) return;
    if (!this.isTagged) return draw(this.doc);
    const tagging = this.doc as TaggingDoc;
    const current = this.stack.at(-1)!;
    const content = tagging.markStructureContent(current.type);
    draw(this.doc);
    tagging.endMarkedContent();
    current.element.add(content);
  }

  /** An element holding one marked-content sequence: a heading, a paragraph, a cell. */
  leaf(type: string, draw: (doc: Doc) => void, options?: StructOptions): void {
    if (this.isDry) return;
    this.begin(type, options);
    this.paintAs(draw);
    this.end();
  }

  /** A clickable link over (x, y, width, height), tied to the current element (a Link). */
  annotateLink(x: number, y: number, width: number, height: number, url: string): void {
    if (this.isDry) return;
    const structParent = this.isTagged ? this.stack.at(-1)!.element : undefined;
    (this.doc as Doc & { link(x: number, y: number, w: number, h: number, url: string, options?: object): Doc }).link(
      x,
      y,
      width,
      height,
      url,
      {
        // pdfkit writes String objects as PDF strings (plain strings become names).
        ...(structParent ? { structParent, Contents: new String(url) } : {}),
      },
    );
  }

  /** Decoration that is not content (rules, shading, page furniture). */
  artifact(draw: (doc: Doc) => void): void {
    if (this.isDry) return;
    paintArtifact(this.doc, this.isTagged, draw);
  }

  /** Closes every open element but the document root (before the document ends). */
  finish(): void {
    while (this.stack.length > 1) this.end();
  }
}

export function paintArtifact(doc: Doc, isTagged: boolean, draw: (doc: Doc) => void, type?: "Pagination" | "Layout"): void {
  if (!isTagged) return draw(doc);
  const tagging = doc as TaggingDoc;
  tagging.markContent("Artifact", type ? { type } : {});
  draw(doc);
  tagging.endMarkedContent();
}

import { margins } from "@/lib/reports/layout/theme";

// Sections are laid out twice by the same code: a dry pass that only counts
// pages (so every footer can say "of Y" while pages are still streamed out)
// and the real pass that paints. Measurements are shared, not repeated.

type Doc = PDFKit.PDFDocument;

export class Output {
  y: number = margins.top;
  pages = 1;

  constructor(
    readonly doc: Doc,
    readonly isDry: boolean,
  ) {}

  addPage(): void {
    this.pages += 1;
    this.y = margins.top;
    if (!this.isDry) this.doc.addPage();
  }

  paint(draw: (doc: Doc) => void): void {
    if (!this.isDry) draw(this.doc);
  }
}

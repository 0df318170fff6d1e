import { describe, expect, it } from "vitest";

import { anchorSpan, holdsAt } from "@/lib/anchoring/anchor";
import { describeSpan, type Selector } from "@/lib/anchoring/quote";

// One regression test per cause of wrong attachments found by the outside
// review (issue 15 item 3), plus the classification the version flow needs.

function describeQuote(text: string, quote: string, occurrence = 0): Selector {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return describeSpan(text, start, start + quote.length);
}

const entry = (time: string, next: string) => `UPDATE — Officials in Bamako said the death toll rose to 12. ${next} (${time})`;
const blog = [entry("11:00", "Rescue teams are still searching."), entry("11:30", "Hospitals appealed for blood donors.")].join("\n\n");

describe("anchoring attaches only with positive evidence", () => {
  it("does not accept a neighbour at the stored position with only one side of context", () => {
    const selector = describeQuote(blog, "the death toll rose to 12.", 0);
    // The entries swap: the 11:30 entry now sits where the quoted 11:00 entry was, with the same prefix.
    const swapped = [entry("11:30", "Hospitals appealed for blood donors."), entry("11:00", "Rescue teams are still searching.")].join(
      "\n\n",
    );
    expect(swapped.startsWith(selector.prefix + selector.exact, selector.start - selector.prefix.length)).toBe(true);
    const result = anchorSpan(swapped, selector);
    expect(result).toMatchObject({ status: "unchanged", isMoved: true });
    expect(swapped.slice(result.start, (result.end ?? 0) + " Rescue teams".length)).toBe("the death toll rose to 12. Rescue teams");
  });

  it("counts an empty prefix as agreement only at the start of the text", () => {
    const text =
      "Officials confirmed the withdrawal. The army said little.\n\nLater, officials confirmed the withdrawal. The army said little.";
    const selector = describeQuote(text, "confirmed the withdrawal. The army said little.".replace("confirmed", "Officials confirmed"));
    expect(selector.prefix).toBe("");
    expect(holdsAt(text, selector, 0)).toBe(true);
    const edited = text.replace("Officials confirmed the withdrawal. The army said little.\n\n", "");
    expect(anchorSpan(edited, selector).status).toBe("orphaned");
  });

  it("does not accept a unique long quote without its context (Hypothesis #7571)", () => {
    const alpha = "Team Alpha reported that the new deployment reduced latency by twelve percent across all regions.";
    const beta = "Team Beta reported that the new deployment reduced latency by twelve percent across all regions.";
    const text = `Quarterly report\n\n${alpha}\n\n${beta}\n\nBoth teams will present.`;
    const selector = describeQuote(text, "reported that the new deployment reduced latency by twelve percent across all regions.");
    const edited = text.replace(`${alpha}\n\n`, "");
    expect(edited.split(selector.exact).length - 1).toBe(1);
    expect(anchorSpan(edited, selector).status).toBe("orphaned");
  });

  it("leaves a near-tie between two places for a person", () => {
    const text = "Report. Officials in Bamako said Wagner left the base at dawn on Monday.";
    const selector = describeQuote(text, "Wagner left");
    // Two places keep the prefix and nearly the same suffix: each alone would do, together neither wins.
    const edited =
      "Report. Officials in Bamako said Wagner left the base at night on Monday.\n\nReport. Officials in Bamako said Wagner left the base at dusk on Monday.";
    expect(anchorSpan(edited, selector)).toMatchObject({ status: "orphaned", reason: "ambiguous" });
    expect(anchorSpan(edited.split("\n\n")[1]!, selector)).toMatchObject({ status: "unchanged" });
  });

  it("takes the end from the quote when the position holds, and matches NFD text against an NFC quote", () => {
    const text = "Le ministre a déclaré à Ségou que l’armée était prête.";
    const selector = { ...describeQuote(text, "déclaré à Ségou"), end: 999 };
    expect(anchorSpan(text, selector)).toMatchObject({
      status: "unchanged",
      start: selector.start,
      end: selector.start + selector.exact.length,
    });
    const nfd = text.normalize("NFD");
    const result = anchorSpan(nfd, describeQuote(text, "déclaré à Ségou"));
    expect(result.status).toBe("unchanged");
    expect(nfd.slice(result.start, result.end)).toBe("déclaré à Ségou".normalize("NFD"));
  });
});

describe("classification", () => {
  const text = "In July the army withdrew from Kidal. The goverment said 12 soldiers were killed and 30 wounded in the fighting.";

  it("reports the new wording of a changed passage", () => {
    const selector = describeQuote(text, "The goverment said 12 soldiers were killed");
    const edited = text.replace("goverment", "government").replace("12 soldiers", "14 soldiers");
    expect(anchorSpan(edited, selector)).toMatchObject({
      status: "changed",
      exact: "The government said 14 soldiers were killed",
      isMoved: false,
    });
  });

  it("reports unchanged words in other typography as unchanged, with the text as it now reads", () => {
    const selector = describeQuote(text, "army withdrew from Kidal. The goverment");
    const edited = text.replace("Kidal. The", "Kidal.\r\n\r\nThe");
    expect(anchorSpan(edited, selector)).toMatchObject({ status: "unchanged", exact: "army withdrew from Kidal.\r\n\r\nThe goverment" });
  });

  it("says why a span is orphaned", () => {
    const selector = describeQuote(text, "30 wounded");
    expect(anchorSpan("Nothing of it remains.", selector)).toMatchObject({ status: "orphaned", reason: "not-found" });
    expect(anchorSpan(text, { ...selector, exact: "" })).toMatchObject({ status: "orphaned", reason: "empty-quote" });
  });
});

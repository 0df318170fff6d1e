"use client";

import type { Ref } from "react";

export type ErrorSummaryItem = { message: string; /** Id of the control to jump to. */ fieldId?: string };

type Props = { ref?: Ref<HTMLDivElement>; id: string; title: string; detail?: string | null; items: ErrorSummaryItem[] };

/**
 * What stopped a form, at its top: a heading, the server's explanation and a
 * link to each field to fix. Forms focus it after a failed submit, so a
 * keyboard or screen-reader user lands on the list instead of losing focus.
 */
export function ErrorSummary({ ref, id, title, detail, items }: Props) {
  if (!detail && items.length === 0) return null;
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-700"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      {detail ? <p className="mt-1">{detail}</p> : null}
      {items.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((item, index) => (
            <li key={`${item.fieldId ?? "form"}-${index}`}>
              {item.fieldId ? (
                <a
                  href={`#${item.fieldId}`}
                  className="font-medium underline"
                  onClick={(event) => {
                    const target = document.getElementById(item.fieldId!);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

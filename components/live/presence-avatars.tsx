"use client";

import { useLive } from "./live-provider";

// Initials of the other people on this comparison right now.

const palette = ["bg-indigo-700", "bg-emerald-700", "bg-rose-700", "bg-amber-700", "bg-sky-700", "bg-fuchsia-700", "bg-teal-700"];

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : [words[0]?.[0], words[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}

const MAX_SHOWN = 5;

export function PresenceAvatars() {
  const live = useLive();
  const others = live?.presence.filter((person) => person.user.id !== live.viewerId) ?? [];
  if (others.length === 0) return null;
  const names = others.map((person) => person.user.name);
  return (
    <div role="group" aria-label={`Also here: ${names.join(", ")}`} data-testid="presence" className="flex items-center">
      <span className="sr-only">Also here: {names.join(", ")}</span>
      <ul aria-hidden className="flex -space-x-1.5">
        {others.slice(0, MAX_SHOWN).map((person) => (
          <li
            key={person.user.id}
            title={person.user.name}
            className={`flex h-7 w-7 items-center justify-center rounded-full text-[11px] font-semibold text-white ring-2 ring-white ${colourOf(person.user.id)}`}
          >
            {initialsOf(person.user.name)}
          </li>
        ))}
        {others.length > MAX_SHOWN ? (
          <li className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-200 text-[11px] font-semibold text-slate-700 ring-2 ring-white">
            +{others.length - MAX_SHOWN}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

"use client";

import { useEffect, useSyncExternalStore } from "react";

import type { ReviewDecision } from "@/lib/annotations/state";

// Single-key shortcuts for the reviewer: A approve, C request changes, R
// reject. They act only while focus is outside text fields, and can be turned
// off (WCAG 2.1.4); the choice is remembered in this browser.

export const shortcutKey: Record<ReviewDecision, string> = { approve: "A", request_changes: "C", reject: "R" };
const STORAGE_KEY = "parallax.reviewShortcuts";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function decisionForKey(key: string): ReviewDecision | null {
  const upper = key.toUpperCase();
  return (Object.entries(shortcutKey) as Array<[ReviewDecision, string]>).find(([, letter]) => letter === upper)?.[0] ?? null;
}

const CHANGE_EVENT = "parallax:review-shortcuts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const readSetting = () => window.localStorage.getItem(STORAGE_KEY) !== "off";

export function useReviewShortcuts(onDecision: (decision: ReviewDecision) => void, isEnabled: boolean) {
  const isOn = useSyncExternalStore(subscribe, readSetting, () => true);

  useEffect(() => {
    if (!isOn || !isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || isTyping(event.target)) return;
      const decision = decisionForKey(event.key);
      if (!decision) return;
      event.preventDefault();
      onDecision(decision);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isOn, isEnabled, onDecision]);

  const setShortcuts = (value: boolean) => {
    window.localStorage.setItem(STORAGE_KEY, value ? "on" : "off");
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };

  return { isOn, setShortcuts };
}

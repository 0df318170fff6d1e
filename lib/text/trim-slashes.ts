// Written as a loop: /\/+$/ restarts at every slash of a long run and is quadratic on hostile input.

/** "a/b///" → "a/b". */
export function trimTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x2f) end -= 1;
  return value.slice(0, end);
}

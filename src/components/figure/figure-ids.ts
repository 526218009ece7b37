/** Ids for figure controls: unique within a built page, so several figures can share one page. */
let next = 0;
export function figureId(prefix: string): string {
  next += 1;
  return `${prefix}-${next}`;
}

/**
 * The figure's "show data" table: cells marked data-col and data-x are
 * rewritten from the current state. While the table is closed nothing is
 * written (a drag need not fill cells no one sees); opening it redraws once,
 * so it always shows the current state.
 */
import { listen, type Controller } from "./controller";

interface Column {
  cells: Array<{ el: HTMLElement; x: number }>;
  headers: HTMLElement[];
}

export class DataTableController implements Controller {
  private readonly columns = new Map<string, Column>();
  private details: HTMLDetailsElement | null = null;
  private stop: (() => void) | null = null;

  constructor(
    private readonly root: ParentNode,
    /** asks the figure to redraw (which fills the table) */
    private readonly refresh: () => void,
  ) {}

  connect(): void {
    this.details = this.root.querySelector<HTMLDetailsElement>("details.figure-data");
    const details = this.details;
    if (details) this.stop = listen(details, "toggle", () => details.open && this.refresh());
  }

  disconnect(): void {
    this.stop?.();
    this.stop = null;
    this.columns.clear();
  }

  /** Rewrites one column from a function of x (and its header, when given). */
  column(col: string, valueAt: (x: number) => number, format: (v: number) => string, header?: string): void {
    if (!this.details?.open) return;
    let column = this.columns.get(col);
    if (!column) {
      column = {
        cells: [...this.root.querySelectorAll<HTMLElement>(`[data-col="${col}"][data-x]`)].map((el) => ({
          el,
          x: Number(el.dataset.x),
        })),
        headers: [...this.root.querySelectorAll<HTMLElement>(`[data-col-header="${col}"]`)],
      };
      this.columns.set(col, column);
    }
    for (const { el, x } of column.cells) {
      const text = format(valueAt(x));
      if (el.textContent !== text) el.textContent = text;
    }
    if (header !== undefined) for (const th of column.headers) if (th.textContent !== header) th.textContent = header;
  }
}

/**
 * Prints each gate's table once, after the run: every audit test attaches its
 * row (a "gate-row" attachment: table title, header, cells), whichever worker
 * ran it, and the rows are printed in page order.
 */
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { formatTable, type Cell } from "../../support/figure-table";

export interface GateRow {
  title: string;
  header: string[];
  cells: Cell[];
  /** order within the table (the page's place in the build) */
  order: number;
}

export default class TableReporter implements Reporter {
  private readonly tables = new Map<string, { header: string[]; rows: GateRow[] }>();

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const a of result.attachments) {
      if (a.name !== "gate-row" || !a.body) continue;
      const row = JSON.parse(a.body.toString("utf8")) as GateRow;
      const table = this.tables.get(row.title) ?? { header: row.header, rows: [] };
      table.rows.push(row);
      this.tables.set(row.title, table);
    }
  }

  onEnd(): void {
    for (const [title, table] of this.tables) {
      const rows = [...table.rows].sort((a, b) => a.order - b.order).map((r) => r.cells);
      console.info(formatTable(title, table.header, rows));
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}

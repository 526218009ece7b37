/**
 * One page for all the tests of a describe block, opened once before the
 * first and closed after the last. The tests run in order on it (serial
 * mode: the block goes to one worker, and a failure skips the tests after
 * it); each test leaves the page in, or brings it back to, the state the next
 * one expects. Opening a page costs a second or more on a busy machine, the
 * cases on it a few milliseconds.
 */
import type { Browser } from "@playwright/test";
import { test } from "@playwright/test";
import type { Watched } from "./browser";

export function sharedPage<T extends Watched>(open: (browser: Browser) => Promise<T>): { current: T } {
  test.describe.configure({ mode: "serial" });
  const holder = {} as { current: T };
  test.beforeAll(async ({ browser }) => {
    holder.current = await open(browser);
  });
  test.afterAll(async () => {
    await holder.current?.context.close();
  });
  return holder;
}

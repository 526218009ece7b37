/**
 * Gate: the Content-Security-Policy is not only present (links-and-html checks
 * every page's policy text) but enforced: the browser refuses eval and injected
 * inline scripts, while the site's own hashed theme script still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser";
import { builtPages } from "../support/site-pages";
import { openPage } from "./support/open-page";

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const samples = builtPages().filter((p) => p.kind === "index" || p.kind === "chapter").slice(0, 2);

describe.each(samples)("the policy on /$path", (builtPage) => {
  it("blocks eval and injected inline scripts, and lets the hashed theme script run", async () => {
    const opened = await openPage(browser, builtPage.path);
    const { page } = opened;
    // The theme script unhides the toggle: it ran, so its hash is in the policy.
    await expect(page.locator("[data-theme-toggle]").isVisible()).resolves.toBe(true);

    // DevTools-protocol evaluation is exempt from the policy, so eval is tried
    // from a timer callback, which runs as the page's own code.
    const evalOutcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            try {
              resolve(String(new Function("return 6 * 7")()));
            } catch (e) {
              resolve((e as Error).name);
            }
          }, 0),
        ),
    );
    expect(evalOutcome).toBe("EvalError");

    const injectedRan = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return w.injected === true;
    });
    expect(injectedRan).toBe(false);
    const violations = await opened.cspViolations();
    expect(violations.some((v) => v.startsWith("script-src"))).toBe(true);
    await opened.context.close();
  });
});

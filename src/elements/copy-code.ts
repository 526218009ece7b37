/**
 * <copy-code>: a copy button for the code block inside it. The button ships
 * disabled (visible, so enabling it moves nothing), so a reader without
 * JavaScript sees a control that says honestly it does
 * nothing; the element enables it when it comes near the viewport. The result
 * is announced through the element's own live region.
 */
import { copyText } from "./clipboard";
import { whenNearViewport } from "./frame";

class CopyCode extends HTMLElement {
  connectedCallback(): void {
    whenNearViewport(this, () => this.#upgrade());
  }

  #upgrade(): void {
    const button = this.querySelector<HTMLButtonElement>("button[data-copy]");
    const code = this.querySelector("pre code");
    const status = this.querySelector<HTMLElement>("[data-copy-status]");
    if (!button || !code || !status) return;
    button.disabled = false;
    button.addEventListener("click", async () => {
      try {
        await copyText(code.textContent ?? "");
        status.textContent = "Copied to the clipboard.";
      } catch {
        status.textContent = "Could not copy: select the code and copy it by hand.";
      }
    });
  }
}

if (!customElements.get("copy-code")) customElements.define("copy-code", CopyCode);

/**
 * <self-check>: checks the "Check yourself" questions of a chapter when it
 * comes near the viewport. Numbers are checked against the exact value the
 * build printed (data-answer) within its tolerance; choices by the option
 * marked right. Feedback goes to each question's live region. Progress is kept
 * in this browser's localStorage only (a private mode or a full storage just
 * means it is not remembered) and the reset button forgets it.
 */
import { checkNumber, parseReaderNumber, type Tolerance } from "../lib/article/self-check";
import { whenNearViewport } from "./frame";

const STORAGE_KEY = "focal-loss:self-check:v1";
type Progress = Record<string, "right" | "tried">;

function readProgress(): Progress {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: Progress = {};
    for (const [k, v] of Object.entries(parsed)) if (v === "right" || v === "tried") out[k] = v;
    return out;
  } catch {
    return {};
  }
}

function writeProgress(progress: Progress): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // Storage refused (private mode, quota): the answers still check, they are just not remembered.
  }
}

/** Writes feedback into the question's live region: text, or copies of the explanation's nodes (which keep its typeset math). */
function say(question: HTMLElement, verdict: "right" | "wrong" | "invalid" | "", ...content: (string | Node)[]): void {
  const feedback = question.querySelector<HTMLElement>("[data-feedback]");
  if (!feedback) return;
  feedback.dataset.verdict = verdict;
  feedback.replaceChildren(...content);
}

class SelfCheck extends HTMLElement {
  connectedCallback(): void {
    whenNearViewport(this, () => this.#upgrade());
  }

  #questions(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>("[data-question]")];
  }

  #upgrade(): void {
    for (const question of this.#questions()) {
      // The controls are served disabled (visible, so waking moves nothing): enable them.
      for (const control of question.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
        "[data-controls] :is(input, button)",
      ))
        control.disabled = false;
      const check = question.querySelector<HTMLButtonElement>("[data-check]");
      if (question.dataset.kind === "choice") {
        for (const radio of question.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.disabled = false;
        check?.addEventListener("click", () => this.#checkChoice(question));
      } else {
        check?.addEventListener("click", () => this.#checkEstimate(question));
        question.querySelector("input")?.addEventListener("keydown", (event) => {
          if (event.key === "Enter") this.#checkEstimate(question);
        });
      }
    }
    const reset = this.querySelector<HTMLButtonElement>("[data-reset]");
    if (reset) reset.disabled = false;
    reset?.addEventListener("click", () => this.#reset());
    const progress = readProgress();
    for (const question of this.#questions()) {
      if (progress[question.dataset.question!] === "right")
        say(question, "right", "You answered this one right before.");
    }
    this.#showProgress();
  }

  #record(id: string, right: boolean): void {
    const progress = readProgress();
    if (right) progress[id] = "right";
    else if (progress[id] !== "right") progress[id] = "tried";
    writeProgress(progress);
    this.#showProgress();
  }

  #showProgress(): void {
    const progress = readProgress();
    const questions = this.#questions();
    const right = questions.filter((q) => progress[q.dataset.question!] === "right").length;
    const out = this.querySelector<HTMLElement>("[data-progress]");
    if (out) out.textContent = `${right} of ${questions.length} answered right in this browser.`;
  }

  #checkEstimate(question: HTMLElement): void {
    const input = question.querySelector<HTMLInputElement>("input");
    const unit = question.dataset.unit === "%" ? "%" : "";
    const guess = parseReaderNumber(input?.value ?? "", unit);
    if (guess === null) {
      input?.setAttribute("aria-invalid", "true");
      say(question, "invalid", `Enter a number, such as 0.25${unit === "%" ? " or 40 %" : " or 1e-3"}.`);
      return;
    }
    input?.removeAttribute("aria-invalid");
    const tolerance: Tolerance = {
      kind: question.dataset.toleranceKind === "relative" ? "relative" : "absolute",
      amount: Number(question.dataset.tolerance),
    };
    const verdict = checkNumber(guess, { value: Number(question.dataset.answer), tolerance });
    const answerText = question.querySelector("[data-answer-text]")?.textContent ?? "";
    if (verdict === "right") say(question, "right", `Right: the exact value is ${answerText}.`);
    else
      say(
        question,
        "wrong",
        `Not quite: that is too ${verdict === "too-low" ? "low" : "high"}. Try again, or open the answer below.`,
      );
    this.#record(question.dataset.question!, verdict === "right");
  }

  #checkChoice(question: HTMLElement): void {
    const chosen = question.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    if (!chosen) {
      say(question, "invalid", "Choose one of the answers first.");
      return;
    }
    const option = chosen.closest<HTMLElement>("[data-option]");
    const right = option?.dataset.correct === "true";
    const why = option?.querySelector<HTMLDetailsElement>("details[data-why]");
    if (why) why.open = true;
    const reason = [...(why?.querySelector("p")?.childNodes ?? [])].map((node) => node.cloneNode(true));
    if (right) say(question, "right", ...reason);
    else say(question, "wrong", ...reason, " Try another answer.");
    this.#record(question.dataset.question!, right);
  }

  #reset(): void {
    const progress = readProgress();
    for (const question of this.#questions()) {
      delete progress[question.dataset.question!];
      say(question, "", "");
      const input = question.querySelector<HTMLInputElement>('input[type="text"]');
      if (input) {
        input.value = "";
        input.removeAttribute("aria-invalid");
      }
      for (const radio of question.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = false;
      for (const details of question.querySelectorAll<HTMLDetailsElement>("details")) details.open = false;
    }
    writeProgress(progress);
    this.#showProgress();
  }
}

if (!customElements.get("self-check")) customElements.define("self-check", SelfCheck);

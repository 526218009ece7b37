/**
 * Inline validation for a typed field (the calculators', the lab's seed): the message next to the
 * field, aria-invalid on it, and the message linked through aria-describedby
 * (the ids are in the server-rendered markup, so the link exists before any
 * error does).
 */
export function showFieldError(input: HTMLInputElement, error: HTMLElement | null, message: string | null): void {
  if (message === null) {
    input.removeAttribute("aria-invalid");
    if (error) {
      error.textContent = "";
      error.hidden = true;
    }
    return;
  }
  input.setAttribute("aria-invalid", "true");
  if (error) {
    error.textContent = message;
    error.hidden = false;
    const describedBy = new Set((input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean));
    describedBy.add(error.id);
    input.setAttribute("aria-describedby", [...describedBy].join(" "));
  }
}

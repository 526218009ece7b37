import { noteTokens } from "../lib/views/loss-steps";

/** Sets a note's text with p_t and α_t as real subscripts; built from nodes, never from HTML strings. */
export function setNoteText(target: Element, note: string): void {
  const nodes = noteTokens(note).map((t) => {
    if ("text" in t) return document.createTextNode(t.text);
    if ("sup" in t) {
      const sup = document.createElement("sup");
      sup.textContent = t.sup;
      return sup;
    }
    const variable = document.createElement("var");
    variable.textContent = t.variable;
    const sub = document.createElement("sub");
    sub.textContent = t.sub;
    const wrap = document.createDocumentFragment();
    wrap.append(variable, sub);
    return wrap;
  });
  target.replaceChildren(...nodes);
}

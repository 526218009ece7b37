/**
 * A formula's plain-text reading (p_t, (1 − p_t)^γ, 10⁻⁵) as words a screen
 * reader speaks sensibly: read as is, "p_t" comes out as "p underscore t" and
 * "^γ" as "caret gamma", and the superscript digits of 10⁻⁵ are skipped or
 * read one by one. The typeset formula beside it is hidden from assistive
 * technology, so this is what a listener hears.
 */
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "−",
};

/** A sum's index, Σ_j or Σ_(j≠c), spoken before the summand. */
const SUM = /Σ_(?:\(([^)]+)\)|([A-Za-z]))/gu;
/** A bracketed exponent, e^(z_j). */
const BRACKETED_POWER = /\^\(([^)]+)\)/gu;
/** A name with a subscript (p_t, α_t, CE_α, x_t) spoken as "p sub t". */
const SUBSCRIPTED = /([A-Za-zα-ω]+)_([A-Za-zα-ω0-9]+)/gu;
/** An exponent after ^: a name, or a number (2, 0.5). */
const POWER = /\^([A-Za-zα-ω]+|[0-9]+(?:\.[0-9]+)?)/gu;
/** A Unicode exponent (10⁻⁵). */
const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/gu;

export function spokenMath(text: string): string {
  return text
    .replace(SUM, (_, group: string | undefined, letter: string | undefined) => `the sum over ${group ?? letter} of`)
    .replace(BRACKETED_POWER, " to the power $1")
    .replace(SUBSCRIPTED, "$1 sub $2")
    .replace(POWER, (_, exponent: string) => (exponent === "2" ? " squared" : ` to the power ${exponent}`))
    .replace(SUPERSCRIPT, (sup) => ` to the power ${[...sup].map((c) => SUPERSCRIPT_DIGITS[c]).join("")}`)
    .replace(/ \/ /g, " divided by ")
    .replace(/\s+/g, " ")
    .trim();
}

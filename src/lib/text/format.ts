/**
 * Numbers for readers: fixed or scientific notation, as plain text
 * (`3.2058 × 10⁻⁵`) or as KaTeX source (`3.2058 \times 10^{-5}`). Infinite
 * losses read as ∞; nothing here ever prints `NaN`.
 */

export type Notation = "auto" | "fixed" | "scientific" | "significant" | "ratio";

export interface FormatOptions {
  /**
   * fixed: decimals after the point; scientific: decimals of the mantissa;
   * significant: significant digits; auto: decimals, in whichever notation it picks;
   * ratio: ignored (see RATIO_RULE).
   */
  digits?: number;
  /** auto (default): fixed for 10⁻³ ≤ |v| < 10⁵ and 0, scientific otherwise */
  notation?: Notation;
}

/** A number split for typesetting: sign, mantissa text and optional power of ten. */
export interface NumberParts {
  negative: boolean;
  mantissa: string;
  exponent: number | null;
  infinite: boolean;
  /** the value was NaN: shown as a dash, never as "NaN" */
  invalid: boolean;
}

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "-": "⁻",
};

function checkDigits(digits: number, min: number): number {
  if (!Number.isInteger(digits) || digits < min || digits > 20) {
    throw new RangeError(`digits must be an integer in [${min}, 20]; got ${String(digits)}`);
  }
  return digits;
}

function scientificParts(abs: number, decimals: number): { mantissa: string; exponent: number } {
  // toExponential does the rounding, including the carry from 9.99995 to 1.0000e+1.
  const [m, e] = abs.toExponential(decimals).split("e");
  return { mantissa: m!, exponent: Number(e) };
}

export function numberParts(value: number, options: FormatOptions = {}): NumberParts {
  const notation = options.notation ?? "auto";
  const base = { negative: value < 0, infinite: false, invalid: false };
  if (Number.isNaN(value)) return { ...base, negative: false, mantissa: "—", exponent: null, invalid: true };
  if (!Number.isFinite(value)) return { ...base, mantissa: "∞", exponent: null, infinite: true };
  const abs = Math.abs(value);

  if (notation === "ratio") return ratioParts(abs, base);
  if (notation === "significant") {
    const digits = checkDigits(options.digits ?? 4, 1);
    if (abs === 0) return { ...base, negative: false, mantissa: (0).toPrecision(digits), exponent: null };
    const [m, e] = abs.toPrecision(digits).split("e");
    return { ...base, mantissa: m!, exponent: e === undefined ? null : Number(e) };
  }
  const digits = checkDigits(options.digits ?? 4, 0);
  const fixed = notation === "fixed" || (notation === "auto" && (abs === 0 || (abs >= 1e-3 && abs < 1e5)));
  if (fixed) {
    const text = abs.toFixed(digits);
    // A value that rounds to zero carries no sign: "0.0000", not "−0.0000".
    const negative = base.negative && Number(text) !== 0;
    return { ...base, negative, mantissa: text, exponent: null };
  }
  return { ...base, ...scientificParts(abs, digits) };
}

/**
 * A whole number with comma thousands separators, as en-US writes it (1,600; 100,000; -12,345), built
 * from its digits rather than by Intl: a page's first Intl number format sets up ICU's locale data, about
 * 110 ms of /focal-loss/'s load at 4× CPU throttling (the calculator's "1,600"), more than the rest of
 * its waking. Past 2⁵³ the digits are not exact anyway, and Intl writes those.
 */
export function groupThousands(n: number): string {
  const whole = Math.round(n);
  if (!Number.isSafeInteger(whole)) return Number.isFinite(n) ? whole.toLocaleString("en-US") : String(n);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, ",");
  return whole < 0 ? `-${grouped}` : grouped;
}

/**
 * RATIO_RULE, the one way a "times smaller" ratio such as CE / FL is written,
 * in the tables, the calculators and their copied TeX: a ratio is read as a
 * size, so three significant digits are enough, and trailing zeros add nothing
 * (1.5, 4.43, 12.1). From 100 up the whole number, with thousands separators
 * (533, 1,600, 40,000): three digits would turn 1,600 into "1.60 × 10³" for
 * no gain. From a million (and below 10⁻³), scientific with three significant digits (2.5 × 10⁷).
 */
function ratioParts(abs: number, base: Pick<NumberParts, "negative" | "infinite" | "invalid">): NumberParts {
  // Number(…) drops the trailing zeros; far from 1 the power of ten takes over, as everywhere on the site.
  if (abs >= 1e6 || (abs > 0 && abs < 1e-3)) {
    const { mantissa, exponent } = scientificParts(abs, 2);
    return { ...base, mantissa: String(Number(mantissa)), exponent };
  }
  // Rounded first, so 99.96 reads "100", not "99.96" or "100.0".
  const rounded = Number(abs.toPrecision(3));
  const mantissa = rounded >= 100 ? groupThousands(abs) : String(rounded);
  return { ...base, negative: base.negative && rounded > 0, mantissa, exponent: null };
}

function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join("");
}

/** A power of ten as plain text, e.g. `10⁻⁶` for 1e-6, for a colour ramp's ends. */
export function powerOfTenText(value: number): string {
  return `10${superscript(Math.round(Math.log10(value)))}`;
}

/** Plain text, e.g. `0.0513`, `3.2058 × 10⁻⁵`, `∞`, with a true minus sign. */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  const parts = numberParts(value, options);
  const sign = parts.negative ? "−" : "";
  if (parts.exponent === null) return sign + parts.mantissa;
  return `${sign}${parts.mantissa} × 10${superscript(parts.exponent)}`;
}

/** KaTeX source, e.g. `3.2058 \times 10^{-5}`, `\infty`. */
export function formatNumberTex(value: number, options: FormatOptions = {}): string {
  const parts = numberParts(value, options);
  if (parts.invalid) return "\\text{—}";
  const sign = parts.negative ? "-" : "";
  if (parts.infinite) return `${sign}\\infty`;
  // A thousands separator is punctuation to KaTeX (a space after it) unless braced.
  const mantissa = parts.mantissa.replaceAll(",", "{,}");
  if (parts.exponent === null) return sign + mantissa;
  return `${sign}${mantissa} \\times 10^{${parts.exponent}}`;
}

/** A share in [0, 1] as a percentage, e.g. `87.3%`; the share of an infinite total reads as a dash. */
export function formatPercent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return "—";
  return `${formatNumber(share * 100, { notation: "fixed", digits: decimals })}%`;
}

/** A "times smaller" ratio for readers (`1.5`, `533`, `1,600`, `2.5 × 10⁷`, `∞`); the rule is RATIO_RULE above. */
export function formatRatio(ratio: number): string {
  return formatNumber(ratio, { notation: "ratio" });
}

/** The shortest fixed-point text that shows a value exactly, as the paper labels ticks and γ: 0, 0.2, 0.25, 1 rather than 0.0, 1.0. */
export function shortNumber(value: number): string {
  for (let digits = 0; digits <= 6; digits++) {
    const text = formatNumber(value, { notation: "fixed", digits });
    if (Math.abs(Number(text.replace("−", "-")) - value) < 1e-9 * Math.max(1, Math.abs(value))) return text;
  }
  return formatNumber(value);
}

/** A loss value for a chart's readout: three decimals, or scientific notation when tiny. */
export function readoutValue(value: number): string {
  return formatNumber(value, { digits: 3 });
}

/** A value in a "show data" table: four decimals, scientific notation when tiny. */
export function tableValue(value: number): string {
  return formatNumber(value, { digits: 4 });
}

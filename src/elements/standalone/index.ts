/**
 * The standalone module (/embed/focal-loss.js): defines the figures' custom
 * elements for any page. Loading it twice, or on a page of the site itself
 * where the site's own elements are already defined, changes nothing.
 */
import { StandaloneFocalCurves } from "./focal-curves";
import { StandaloneLogitGradient } from "./logit-gradient";
import { StandaloneModulatingFactor } from "./modulating-factor";

const ELEMENTS: Array<[string, CustomElementConstructor]> = [
  ["focal-loss-curves", StandaloneFocalCurves],
  ["modulating-factor-curves", StandaloneModulatingFactor],
  ["logit-loss-gradient", StandaloneLogitGradient],
];

for (const [name, ctor] of ELEMENTS) {
  if (!customElements.get(name)) customElements.define(name, ctor);
}

/** Lets the figure elements build their own markup in a shadow root (imported before them, since they read it when defined). */
import { useStandaloneMarkup } from "../live-figure";
import { attributeStore, STATE_ATTRIBUTES } from "../figure/attribute-store";
import { applyPresentation, buildStandaloneMarkup, PRESENTATION_ATTRIBUTES } from "../figure/standalone-markup";

useStandaloneMarkup({
  build: buildStandaloneMarkup,
  present: applyPresentation,
  store: attributeStore,
  attributes: [...STATE_ATTRIBUTES, ...PRESENTATION_ATTRIBUTES],
});

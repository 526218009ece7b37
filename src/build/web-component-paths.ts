/** Where the standalone web component module is served, under the site's base path. */
export const WEB_COMPONENT_PATH = "embed/focal-loss.js";
/** The same elements as a classic script, for pages that cannot load modules (a deck opened from file://). */
export const WEB_COMPONENT_CLASSIC_PATH = "embed/focal-loss.classic.js";

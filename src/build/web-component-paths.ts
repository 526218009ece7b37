/** Where the standalone web component module is served, under the site's base path. */
export const WEB_COMPONENT_PATH = "embed/focal-loss.js";

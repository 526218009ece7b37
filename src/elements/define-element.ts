/** Defines a custom element once, even if two bundles carry it (a site page that also loads the standalone module). */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}

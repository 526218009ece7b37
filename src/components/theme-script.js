(function () {
  var KEY = "theme";
  var root = document.documentElement;
  // Islands whose controls only work with JavaScript show them from the first paint when it runs (so their
  // waking moves nothing) and hide them when it does not: CSS keys on this attribute.
  root.dataset.js = "";
  var saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch (e) {
    // storage refused (private mode): keep the system theme
  }
  if (saved === "light" || saved === "dark") root.dataset.theme = saved;
  function current() {
    return root.dataset.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }
  function sync(button) {
    var dark = current() === "dark";
    button.setAttribute("aria-pressed", String(dark));
    button.setAttribute("aria-label", dark ? "Switch to light theme" : "Switch to dark theme");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-theme-toggle]");
    if (!button) return;
    button.hidden = false;
    sync(button);
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.dataset.theme = next;
      try {
        localStorage.setItem(KEY, next);
      } catch (e) {
        // storage refused: the choice lasts for this page view
      }
      sync(button);
      document.dispatchEvent(new CustomEvent("themechange", { detail: next }));
    });
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      sync(button);
    });
  });
})();

// Runs before the first paint: a classic script in <head>, copied into dist/
// under a hashed name by scripts/postbuild.mjs (the policy forbids inline
// scripts). index.html carries a new visitor's landing page as static markup
// (#aixa-prerender, written at build time); this marks <html> when that page
// would be wrong, and style/main.css then shows a neutral shell instead:
//   aixa-returning  saved work in this browser: the app opens it, not a new
//                   visitor's defaults;
//   aixa-elsewhere  an address other than home (#/), which the landing page
//                   is not (the app's Route::parse reads it the same way).
// The app's start-up (the boot script) removes #aixa-prerender once mounted.
(function () {
  var html = document.documentElement.classList;
  var path = location.hash.replace(/^#/, "").split("?")[0].split("/").filter(Boolean);
  if (!(path.length === 0 || (path.length === 1 && path[0] === "profile"))) html.add("aixa-elsewhere");
  try {
    for (var i = 0; i < localStorage.length; i++) {
      if (String(localStorage.key(i)).indexOf("aixa.assessment.") === 0) {
        html.add("aixa-returning");
        break;
      }
    }
  } catch (e) {
    // Storage refused: there is no saved work to return to.
  }
})();

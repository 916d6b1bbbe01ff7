// The header menu is a <details>, so it opens and closes without JavaScript. This only adds
// what people expect of a menu: Escape closes it (focus back on its button), and so does a
// click or tap outside it.
(function () {
  "use strict";
  var menu = document.getElementById("menu");
  if (!menu) return;
  var button = menu.querySelector("summary");
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
})();

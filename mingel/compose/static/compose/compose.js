/* Hands a composed message over to the user: copy it, or open it in the mail program
   with the text as it reads now (the server-side mailto link only knows the first draft). */
(function () {
  "use strict";

  function field(selector) {
    var el = selector ? document.querySelector(selector) : null;
    return el ? el.value : "";
  }

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status) { status.textContent = text; }
  }

  function copy(button) {
    var text = field(button.dataset.copy);
    var done = function () { say(button, button.dataset.copied); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(button, text, done); });
    } else {
      fallback(button, text, done);
    }
  }

  function fallback(button, text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { say(button, button.dataset.failed); }
    area.remove();
  }

  function mailto(link) {
    var parts = [];
    var subject = field(link.dataset.subject);
    var body = field(link.dataset.body).replace(/\r?\n/g, "\r\n");
    if (subject) { parts.push("subject=" + encodeURIComponent(subject)); }
    if (body) { parts.push("body=" + encodeURIComponent(body)); }
    link.href = "mailto:" + encodeURIComponent(link.dataset.mailto).replace("%40", "@") +
      (parts.length ? "?" + parts.join("&") : "");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) { event.preventDefault(); copy(button); return; }
    var link = event.target.closest("[data-mailto]");
    if (link) { mailto(link); }
  });
})();

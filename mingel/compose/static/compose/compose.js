/* Hands a composed message over to the user: copy it, or open it in the mail program
   with the text as it reads now (the server-side mailto link only knows the first draft),
   warning while a placeholder ("[vad ni pratade om]") is left. Clicking a gap in the
   coach's "Fill in" list selects it in the text. On a phone the coach's notes fold
   behind their summary, so the score stays right under the text. Everything here is an
   extra: without JavaScript the page works through its form buttons. */
(function () {
  "use strict";

  var GAP = /\[[^\[\]\n]{2,120}\]/g;
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 899px)") : null;
  var coachOpen = false;  // on a phone, until the user opens the notes

  function gaps(text) {
    return text.match(GAP) || [];
  }

  function warnGaps(el, text) {
    var found = gaps(text);
    if (found.length) { say(el, el.dataset.gaps + " " + found.join(", ")); }
    return found.length > 0;
  }

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
    var done = function () { if (!warnGaps(button, text)) { say(button, button.dataset.copied); } };
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
    warnGaps(link, subject + " " + body);
  }

  function selectGap(button) {
    var area = document.querySelector(".compose-form textarea[name=body]");
    if (!area) { return; }
    var at = area.value.indexOf(button.dataset.gap);
    if (at < 0) { return; }
    area.focus();
    area.setSelectionRange(at, at + button.dataset.gap.length);
  }

  function markGaps() {
    var area = document.querySelector(".compose-form textarea[name=body]");
    if (area) { area.classList.toggle("has-gaps", gaps(area.value).length > 0); }
  }

  function foldCoach() {
    // Only beside a text being written; on the check page the notes are the point.
    var details = document.querySelector(".compose-grid [data-coach-details]");
    if (!details) { return; }
    details.open = NARROW && NARROW.matches ? coachOpen : true;
  }

  document.addEventListener("toggle", function (event) {
    var folding = event.target.matches && event.target.matches(".compose-grid [data-coach-details]");
    if (folding && NARROW && NARROW.matches) {
      coachOpen = event.target.open;
    }
  }, true);
  document.addEventListener("input", markGaps);
  document.addEventListener("htmx:afterSwap", function () { foldCoach(); markGaps(); });
  if (NARROW && NARROW.addEventListener) { NARROW.addEventListener("change", foldCoach); }
  document.addEventListener("DOMContentLoaded", function () { foldCoach(); markGaps(); });

  document.addEventListener("click", function (event) {
    var gap = event.target.closest("[data-gap]");
    if (gap) { event.preventDefault(); selectGap(gap); return; }
    var button = event.target.closest("[data-copy]");
    if (button) { event.preventDefault(); copy(button); return; }
    var link = event.target.closest("[data-mailto]");
    if (link) { mailto(link); }
  });
})();

// Practice timer for the pitch: start, stop, and how the time compares with half a minute
// and with the estimate at an easy pace (well under it means rushed).
(function () {
  "use strict";
  var box = document.getElementById("timer");
  if (!box) return;
  var limit = Number(box.dataset.limit);
  var fastBelow = Number(box.dataset.fastBelow) || 0;
  var clock = document.getElementById("clock");
  var bar = document.getElementById("clock-bar");
  var start = document.getElementById("timer-start");
  var stop = document.getElementById("timer-stop");
  var result = document.getElementById("timer-result");
  var began = null;
  var tick = null;

  function seconds() { return Math.floor((Date.now() - began) / 1000); }
  function show(s) {
    clock.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    bar.value = Math.min(s, limit);
    box.classList.toggle("over", s > limit);
  }
  start.addEventListener("click", function () {
    began = Date.now();
    result.textContent = "";
    show(0);
    tick = setInterval(function () { show(seconds()); }, 250);
    start.disabled = true;
    stop.disabled = false;
    stop.focus();
  });
  stop.addEventListener("click", function () {
    clearInterval(tick);
    var s = seconds();
    show(s);
    if (s < fastBelow) result.textContent = box.dataset.msgFast;
    else if (s > limit) result.textContent = box.dataset.msgLong;
    else result.textContent = box.dataset.msgGood;
    start.disabled = false;
    stop.disabled = true;
    start.focus();
  });
})();

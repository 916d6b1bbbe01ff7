// Pocket card: quick capture that loses nothing when the connection drops.
// The draft is kept in localStorage while typing; a save that cannot reach the server goes
// into a queue on this phone and is sent when the browser is back online (or on the next
// visit). Everything else on the card is already on the page: it needs no request to read.
// Each capture carries a random key, made when it starts and kept with it in the draft and
// the queue: a save whose answer was lost is sent again with the same key, and the server
// answers with the person it already made instead of adding them twice.
(function () {
  "use strict";
  var form = document.getElementById("capture-form");
  if (!form) return;
  var FIELDS = ["name", "talked_about", "company", "role", "linkedin_url"];
  var draftKey = "mingel:capture:" + form.dataset.event;
  var queueKey = draftKey + ":queue";
  var status = document.getElementById("capture-status");
  var note = document.getElementById("offline-note");
  var sending = false;
  var keyInput = form.elements.capture_key;

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // Pages served over plain http (say, a laptop on the venue's network) have no
    // randomUUID; getRandomValues works there, Math.random is the last resort.
    var bytes = new Uint8Array(16);
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (var i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
  }
  // The key belongs to one person: it is made when typing starts and dropped once that
  // person is saved or queued, so the next capture gets its own.
  function startKey() { if (!keyInput.value) keyInput.value = newKey(); }
  function endCapture() {
    form.reset();
    keyInput.value = "";  // reset() leaves a hidden input's value as it is
    store(draftKey, null);
  }

  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode or full: the fields still hold the text */ }
  }
  function values() {
    var v = {};
    FIELDS.forEach(function (f) { v[f] = form.elements[f].value; });
    v.capture_key = keyInput.value;
    return v;
  }
  function fill(v) {
    FIELDS.forEach(function (f) { if (v[f]) form.elements[f].value = v[f]; });
    keyInput.value = v.capture_key || "";
    document.getElementById("capture").open = true;
  }
  function isEmpty(v) { return FIELDS.every(function (f) { return !(v[f] || "").trim(); }); }
  function say(text, kind) { status.textContent = text; status.className = "capture-status " + kind; }
  function clearErrors() {
    form.querySelectorAll(".error.js").forEach(function (e) { e.remove(); });
  }
  function showErrors(errors) {
    if (errors.capture_key) keyInput.value = "";  // garbled: the next save makes a new one
    Object.keys(errors).forEach(function (name) {
      var input = form.elements[name];
      var field = input ? input.closest(".field") : null;
      errors[name].forEach(function (err) {
        var small = document.createElement("small");
        small.className = "error js";
        small.setAttribute("role", "alert");
        small.textContent = err.message;
        (field || form).appendChild(small);
      });
    });
  }
  function sayQueued() {
    var n = load(queueKey, []).length;
    var text = navigator.onLine ? form.dataset.msgWaiting : form.dataset.msgOffline;
    if (n) say(text.replace("{n}", n), "offline");
  }
  // Shows the person among those met, once: a resent save answers with the same person.
  function progress(data) {
    document.getElementById("progress").textContent = data.progress;
    var bar = document.getElementById("progress-bar");
    bar.value = data.met_count;
    bar.textContent = data.progress;
    document.getElementById("reached").hidden = !data.goal_reached;
    var list = document.getElementById("met-list");
    if (list.querySelector('li[data-id="' + data.id + '"]')) return;
    var li = document.createElement("li");
    li.dataset.id = data.id;
    li.textContent = data.name;
    list.appendChild(li);
  }
  // A weak connection can hang rather than fail; after TIMEOUT the save counts as not sent
  // and waits in the queue like any other.
  var TIMEOUT = 20000;
  function post(v) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    FIELDS.forEach(function (f) { body.append(f, v[f] || ""); });
    if (v.capture_key) body.append("capture_key", v.capture_key);  // older queued saves have none
    var abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, TIMEOUT);
    return fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin", signal: abort.signal,
      headers: { "Accept": "application/json" }
    }).finally(function () { clearTimeout(timer); });
  }
  function enqueue(v) {
    var queue = load(queueKey, []);
    queue.push(v);
    store(queueKey, queue);
    endCapture();
    sayQueued();
  }

  // Sends what waits in the queue, oldest first; stops at the first network failure.
  // A queued person the server refuses (say, a mistyped LinkedIn address) comes back into
  // the form with the reason, so it is fixed rather than dropped.
  async function flush() {
    if (sending || !navigator.onLine) return;
    var queue = load(queueKey, []);
    if (!queue.length) return;
    sending = true;
    try {
      while (queue.length) {
        var response;
        try { response = await post(queue[0]); } catch (e) { break; }
        var v = queue.shift();
        if (response.status === 201) {
          var data = await response.json();
          progress(data);
          say(data.message, "ok");
        } else if (response.status === 422 && isEmpty(values())) {
          fill(v);
          store(draftKey, v);
          showErrors((await response.json()).errors);
          say(form.dataset.msgInvalid, "error");
        } else {
          queue.unshift(v);
          break;
        }
        store(queueKey, queue);
      }
    } finally {
      store(queueKey, queue.length ? queue : null);
      sending = false;
      sayQueued();
    }
  }

  // Tap one opens the form with the cursor in the name field (focusing inside the tap
  // itself, so phones show the keyboard); Enter in the name moves on instead of saving.
  var details = document.getElementById("capture");
  details.querySelector("summary").addEventListener("click", function (event) {
    if (details.open) return;
    event.preventDefault();
    details.open = true;
    form.elements.name.focus();
  });
  form.elements.name.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      form.elements.talked_about.focus();
    }
  });

  var button = form.querySelector("button[type=submit]");
  form.addEventListener("input", function () {
    startKey();
    store(draftKey, values());
  });
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (button.disabled) return;  // a double tap saves one person, not two
    clearErrors();
    var v = values();
    if (!v.name.trim()) {
      say(form.dataset.msgName, "error");
      form.elements.name.focus();
      return;
    }
    startKey();  // text put in without an input event (autofill) has no key yet
    v = values();
    if (!navigator.onLine) { enqueue(v); return; }
    var response;
    button.disabled = true;
    try { response = await post(v); } catch (e) { enqueue(v); return; } finally {
      button.disabled = false;
    }
    if (response.status === 201) {
      var data = await response.json();
      progress(data);
      endCapture();
      say(data.message, "ok");
      form.elements.name.focus();
    } else if (response.status === 422) {
      showErrors((await response.json()).errors);
      say(form.dataset.msgInvalid, "error");
    } else {
      say(form.dataset.msgError, "error");
    }
  });

  function connection() {
    note.hidden = navigator.onLine;
    if (navigator.onLine) flush();
  }
  window.addEventListener("online", connection);
  window.addEventListener("offline", connection);
  // Venue Wi-Fi can drop a save while the browser still calls itself online, so no
  // "online" event comes. Try again now and then, and when the phone is unlocked: a save
  // sent twice is harmless, its key makes the server answer with the person it has.
  var RETRY = 30000;
  setInterval(flush, RETRY);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") flush();
  });

  var draft = load(draftKey, null);
  if (draft && !isEmpty(draft) && isEmpty(values())) fill(draft);
  connection();
  sayQueued();
})();

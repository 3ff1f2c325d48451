// Desk intake through a broken connection: a form that cannot be sent is kept in localStorage and sent when the
// link returns. Each form carries an idempotency key, so a replay creates the dossier exactly once.
(function () {
  "use strict";
  var STORE = "motcua.intake.queue";
  var form = document.querySelector("form[data-offline-queue]");
  var banner = document.getElementById("offline-banner");
  if (!form || !banner || !window.fetch || !window.localStorage) {
    return;
  }

  var flushing = false;

  function load() {
    try {
      return JSON.parse(localStorage.getItem(STORE) || "[]");
    } catch (e) {
      return [];
    }
  }

  function save(queue) {
    localStorage.setItem(STORE, JSON.stringify(queue));
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function text(name, n) {
    return (banner.getAttribute("data-text-" + name) || "").replace("%n", n);
  }

  function render(extra) {
    var queue = load();
    banner.textContent = "";
    if (queue.length > 0) {
      var p = document.createElement("p");
      p.setAttribute("data-testid", "offline-waiting");
      p.textContent = text("waiting", queue.length);
      banner.appendChild(p);
      var list = document.createElement("ul");
      queue.forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = item.label;
        list.appendChild(li);
      });
      banner.appendChild(list);
    }
    if (extra) {
      var e = document.createElement("p");
      e.textContent = extra;
      banner.appendChild(e);
    }
    banner.hidden = queue.length === 0 && !extra;
  }

  function fields(f, submitter) {
    var data = new FormData(f);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }
    var pairs = [];
    data.forEach(function (value, key) {
      if (typeof value === "string") {
        pairs.push([key, value]);
      }
    });
    return pairs;
  }

  function post(url, pairs) {
    var body = new URLSearchParams();
    pairs.forEach(function (p) { body.append(p[0], p[1]); });
    return fetch(url, { method: "POST", body: body, credentials: "same-origin", redirect: "follow" });
  }

  function label(pairs) {
    var name = "";
    var proc = "";
    pairs.forEach(function (p) {
      if (p[0] === "Applicant.FullName") { name = p[1]; }
      if (p[0] === "ProcedureCode") { proc = p[1]; }
    });
    return proc + " — " + name;
  }

  function enqueue(url, pairs) {
    var queue = load();
    var key = (pairs.filter(function (p) { return p[0] === "IdempotencyKey"; })[0] || [])[1];
    if (!queue.some(function (q) { return q.key === key; })) {
      queue.push({ key: key, url: url, fields: pairs, label: label(pairs), savedAt: new Date().toISOString() });
      save(queue);
    }
    // Ready for the next applicant: a fresh key so that the next dossier is not taken for a repeat.
    form.reset();
    var keyInput = form.querySelector("input[name=IdempotencyKey]");
    if (keyInput) {
      keyInput.defaultValue = keyInput.value = newKey();
    }
    render(text("offline", queue.length));
  }

  function flush() {
    var queue = load();
    if (flushing || queue.length === 0 || navigator.onLine === false) {
      return;
    }
    flushing = true;
    var item = queue[0];
    post(item.url, item.fields).then(function (response) {
      flushing = false;
      var created = response.redirected && response.url.indexOf("/Dossiers/Details") >= 0;
      if (!created && response.redirected) {
        // Signed out meanwhile (login page): keep the form until the officer signs in again.
        render(text("failed", item.label));
        return;
      }
      save(load().filter(function (q) { return q.key !== item.key; }));
      if (created) {
        if (load().length === 0) {
          // The receipt (form 01) is printed from the dossier page, as after an ordinary intake.
          window.location.assign(response.url);
          return;
        }
        render(text("sent", item.label));
        flush();
      } else {
        render(text("failed", item.label));
      }
    }, function () {
      flushing = false;
      render(text("offline", load().length));
    });
  }

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    // Online, the browser posts the form itself (the server's pages answer); only a dropped link queues it here.
    if (navigator.onLine !== false || form.getAttribute("data-native") === "1" || (submitter && submitter.hasAttribute("formaction"))) {
      return;
    }
    event.preventDefault();
    var url = form.getAttribute("action") || window.location.href;
    var pairs = fields(form, submitter);
    if (navigator.onLine === false) {
      enqueue(url, pairs);
      return;
    }
    post(url, pairs).then(function (response) {
      if (response.redirected) {
        window.location.assign(response.url);
      } else {
        // Validation errors: let the browser post again and show the server's page (no dossier was created).
        form.setAttribute("data-native", "1");
        HTMLFormElement.prototype.submit.call(form);
      }
    }, function () {
      enqueue(url, pairs);
    });
  });

  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { render(text("offline", load().length)); });
  render(null);
  flush();
})();

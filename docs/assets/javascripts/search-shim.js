/*
 * search-shim.js - which search worker a page starts, and on which thread. Listed first in
 * extra.polyfills (mkdocs.yml), before iframe-worker, so it sees every `new Worker(...)`.
 *
 * 1. On a site built by MkDocs (Material), the search worker is the archive's own engine,
 *    assets/javascripts/archive-search.js, in place of Material's lunr worker, which builds its
 *    index in the browser on every page load (tens of seconds for ten thousand briefings).
 * 2. From file://, Chromium refuses `new Worker(url)`; a worker made from a blob: URL is
 *    allowed, and a page can read another file only by running it as a script. So the code is
 *    loaded with a <script> tag - archive-search.js itself (it only defines a function in a
 *    page), or for another engine's worker (Zensical's) the copy `python -m scripts pages`
 *    writes to generated/workers/<file>.source.js - and started from a blob: URL, on its own
 *    thread. iframe-worker, which runs a worker on the page's own thread, is the fallback: its
 *    `window.Worker = ...` assignment is caught below.
 * Any other worker starts as usual.
 */
(function () {
  "use strict";
  if (typeof window.Worker !== "function") return;
  var Native = window.Worker;
  var fallback = null; // iframe-worker's class, once its shim has run
  var onDisk = location.protocol === "file:";
  var WORKERS = "assets/javascripts/workers/";
  var ENGINE = "assets/javascripts/archive-search.js";
  var sources = (window.__workerSources = window.__workerSources || {});

  function builtByMkDocs() {
    var generator = document.querySelector('meta[name="generator"]');
    return !!generator && /^mkdocs\b/.test(generator.getAttribute("content") || "");
  }

  function fromSource(source) {
    return new Native(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  }

  // A worker whose code is read from a script first (file://): messages wait until it runs.
  function Deferred(script, ready, url) {
    var self = this;
    self.onmessage = null;
    self.onerror = null;
    self._events = new EventTarget();
    self._queue = [];
    self._worker = null;
    var tag = document.createElement("script");
    tag.src = script;
    tag.onload = function () {
      var source = ready();
      self._attach(typeof source === "string" ? fromSource(source) : new (fallback || Native)(url));
    };
    tag.onerror = function () { self._attach(new (fallback || Native)(url)); };
    document.head.appendChild(tag);
  }

  Deferred.prototype._attach = function (worker) {
    var self = this;
    worker.onmessage = function (event) { self._emit(new MessageEvent("message", { data: event.data }), self.onmessage); };
    worker.onerror = function (event) { self._emit(new ErrorEvent("error", event), self.onerror); };
    self._worker = worker;
    var queued = self._queue;
    self._queue = [];
    for (var i = 0; i < queued.length; i++) worker.postMessage(queued[i]);
  };

  Deferred.prototype._emit = function (event, handler) {
    this._events.dispatchEvent(event);
    if (typeof handler === "function") handler.call(this, event);
  };

  Deferred.prototype.postMessage = function (data) {
    if (this._worker) this._worker.postMessage(data);
    else this._queue.push(data);
  };

  Deferred.prototype.terminate = function () {
    if (this._worker) this._worker.terminate();
    this._queue = [];
  };

  Deferred.prototype.addEventListener = function (type, listener, options) {
    this._events.addEventListener(type, listener, options);
  };

  Deferred.prototype.removeEventListener = function (type, listener, options) {
    this._events.removeEventListener(type, listener, options);
  };

  function Worker(url, options) {
    var href = new URL(String(url), document.baseURI).href.split("?")[0];
    var at = href.indexOf(WORKERS);
    if (at < 0) return onDisk ? new (fallback || Native)(url, options) : new Native(url, options);
    var root = href.slice(0, at);
    if (builtByMkDocs()) {
      if (!onDisk) return new Native(root + ENGINE);
      return new Deferred(root + ENGINE, function () {
        return typeof window.archiveSearchWorker === "function" ? "(" + window.archiveSearchWorker + ")();" : null;
      }, url);
    }
    if (!onDisk) return new Native(url, options);
    var name = href.slice(href.lastIndexOf("/") + 1);
    return new Deferred(root + "generated/workers/" + name + ".source.js", function () { return sources[name]; }, url);
  }

  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: function () { return Worker; },
    set: function (value) { fallback = value; }, // iframe-worker's shim assigns its class here
  });
})();

/*
 * file-worker.js - the search worker in a real thread when the site is opened from file://.
 *
 * Chromium refuses `new Worker(url)` for a file:// page, so Material (and Zensical) fall back
 * to the iframe-worker shim, which runs the worker's code in a hidden iframe: on the page's own
 * thread. Building the search index there freezes the page for seconds on a large archive.
 * A worker made from a blob: URL is allowed, so this shim, loaded before iframe-worker:
 *
 *   1. loads generated/workers/<worker file>.source.js with a <script> tag (allowed from file://),
 *      a copy of the worker's code as a string, written by `python -m scripts pages`;
 *   2. starts the worker from that string in a blob: URL, on its own thread;
 *   3. queues messages until then, and forwards messages and errors both ways.
 *
 * If the copy is missing, it hands over to iframe-worker (kept as the fallback: the
 * `window.Worker = ...` assignment of that shim is caught below). Over http nothing changes.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.Worker !== "function") return;
  var Native = window.Worker;
  var fallback = null; // iframe-worker's class, once its shim runs
  var sources = (window.__workerSources = window.__workerSources || {});
  var MARK = "assets/javascripts/workers/";

  function FileWorker(url) {
    var self = this;
    var target = new EventTarget(); // addEventListener and dispatchEvent for listeners
    self.onmessage = null;
    self.onerror = null;
    self._queue = [];
    self._worker = null;
    self._events = target;
    var href = new URL(String(url), document.baseURI).href.split("?")[0];
    var at = href.indexOf(MARK);
    var name = href.slice(href.lastIndexOf("/") + 1);
    if (at < 0) return self._start(null, url);
    var script = document.createElement("script");
    script.src = href.slice(0, at) + "generated/workers/" + name + ".source.js";
    script.onload = function () { self._start(sources[name], url); };
    script.onerror = function () { self._start(null, url); };
    document.head.appendChild(script);
  }

  FileWorker.prototype._start = function (source, url) {
    var self = this;
    var worker;
    if (typeof source === "string") {
      worker = new Native(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    } else {
      worker = new (fallback || Native)(url);
    }
    worker.onmessage = function (event) { self._emit("message", event, self.onmessage); };
    worker.onerror = function (event) { self._emit("error", event, self.onerror); };
    self._worker = worker;
    var queued = self._queue;
    self._queue = [];
    for (var i = 0; i < queued.length; i++) worker.postMessage(queued[i]);
  };

  FileWorker.prototype._emit = function (type, event, handler) {
    var copy = type === "message" ? new MessageEvent("message", { data: event.data }) : new ErrorEvent("error", event);
    this._events.dispatchEvent(copy);
    if (typeof handler === "function") handler.call(this, copy);
  };

  FileWorker.prototype.postMessage = function (data) {
    if (this._worker) this._worker.postMessage(data);
    else this._queue.push(data);
  };

  FileWorker.prototype.terminate = function () {
    if (this._worker) this._worker.terminate();
    this._queue = [];
  };

  FileWorker.prototype.addEventListener = function (type, listener, options) {
    this._events.addEventListener(type, listener, options);
  };

  FileWorker.prototype.removeEventListener = function (type, listener, options) {
    this._events.removeEventListener(type, listener, options);
  };

  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: function () { return FileWorker; },
    set: function (value) { fallback = value; }, // iframe-worker's shim assigns its class here
  });
})();

/*
 * archive-search.js - the archive's search engine, speaking Material for MkDocs' search worker protocol.
 *
 * Material's own worker builds a lunr index in the browser each time a page loads; with ten
 * thousand briefings that takes tens of seconds before the first result. This engine builds
 * nothing: it keeps each document's text folded (lower case, accents dropped) and scans it for
 * every query, which takes milliseconds for the few megabytes the index holds. search-shim.js
 * starts it in place of Material's worker, over http and from file://.
 *
 * Protocol (as Material's worker): {type: 0, data: {config, docs}} -> {type: 1} (ready);
 * {type: 2, data: query} -> {type: 3, data: {items}}, items being groups of documents of one
 * page, each {location, title, text, score, terms} with matches wrapped in <mark>.
 *
 * Matching: every word of the query must start a word of the title or text (prefix match, so
 * results come while typing; "rakhm" finds "Rakhmon"). Documents matching fewer words come
 * after, with the missing words listed. Score: 10 per word in the title, 1 in the text, times
 * the page's boost. Titles and texts arrive HTML-escaped from the search plugin; only <mark>
 * is added, outside tags and entities.
 */
function archiveSearchWorker() {
  "use strict";

  var TITLE = 10;
  var TEXT = 1;
  var HIGHLIGHTED = 100; // results whose title and text get <mark>; the rest are sent as they are
  var separator = /[\s\-_,:!=\[\]()\\"`/]+|\.(?!\d)/;
  var docs = [];
  var folded = []; // per document: folded title, a newline, folded text (tags and entities blanked)
  var titleEnd = []; // per document: where the title ends in folded[i]
  var foldCache = new Map();

  // One character in, one out (so positions stay the same): lower case, accents dropped.
  function foldChar(ch) {
    var known = foldCache.get(ch);
    if (known !== undefined) return known;
    var one = ch.normalize("NFD").charAt(0).toLowerCase();
    if (one.length !== 1) one = ch.toLowerCase();
    if (one.length !== 1) one = ch;
    foldCache.set(ch, one);
    return one;
  }

  function fold(text) {
    return text.replace(/[A-Z]|[^\x00-\x7f]/g, foldChar);
  }

  function blanks(match) {
    return " ".repeat(match.length);
  }

  // Tags and entities become spaces of the same length: no match inside them, positions kept.
  function searchable(html) {
    return fold(html.replace(/<[^>]*>|&[#a-zA-Z0-9]+;/g, blanks));
  }

  function isWordChar(code) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
  }

  function setup(data) {
    if (data.config && data.config.separator) {
      try { separator = new RegExp(data.config.separator); } catch (e) { /* keep the default */ }
    }
    var byPage = new Map();
    docs = (data.docs || data.items || []).map(function (doc, index) {
      var title = String(doc.title || "");
      var text = String(doc.text || "");
      var location = String(doc.location || "");
      var item = { location: location, title: title, text: text, boost: Number(doc.boost) || 1, order: index };
      var page = location.split("#")[0];
      if (page === location) byPage.set(page, item);
      return item;
    });
    docs.forEach(function (doc) {
      var page = doc.location.split("#")[0];
      doc.parent = page !== doc.location ? byPage.get(page) || null : null;
    });
    folded = docs.map(function (doc) { return searchable(doc.title) + "\n" + searchable(doc.text); });
    titleEnd = docs.map(function (doc) { return doc.title.length; });
  }

  // The words of a query, folded, without lunr's operators (+word, -word, word*, word~1, field:).
  function words(query) {
    var seen = {};
    return fold(String(query)).split(separator).map(function (w) {
      return w.replace(/^[+\-]+|[*~^]+\d*$/g, "");
    }).filter(function (w) {
      if (!w || seen[w]) return false;
      seen[w] = true;
      return true;
    });
  }

  // Positions in `hay` where `word` starts a word.
  function starts(hay, word) {
    var found = [];
    var at = hay.indexOf(word);
    while (at !== -1) {
      if (at === 0 || !isWordChar(hay.charCodeAt(at - 1))) found.push(at);
      at = hay.indexOf(word, at + 1);
    }
    return found;
  }

  // `html` with each word starting at one of `positions` (offset by `shift`) wrapped in <mark>.
  function mark(html, hay, shift, positions) {
    if (!positions.length) return html;
    positions.sort(function (a, b) { return a - b; });
    var out = "";
    var last = 0;
    for (var i = 0; i < positions.length; i++) {
      var start = positions[i] - shift;
      if (start < last) continue;
      var end = start;
      while (end < html.length && isWordChar(hay.charCodeAt(end + shift))) end++;
      out += html.slice(last, start) + "<mark>" + html.slice(start, end) + "</mark>";
      last = end;
    }
    return out + html.slice(last);
  }

  function search(query) {
    var terms = words(query);
    if (!terms.length) return { items: [] };
    var hits = [];
    for (var d = 0; d < docs.length; d++) {
      var hay = folded[d];
      var split = titleEnd[d];
      var score = 0;
      var matched = 0;
      var found = {};
      var where = [];
      for (var t = 0; t < terms.length; t++) {
        if (hay.indexOf(terms[t]) === -1) { found[terms[t]] = false; continue; }
        var at = starts(hay, terms[t]);
        if (!at.length) { found[terms[t]] = false; continue; }
        found[terms[t]] = true;
        matched++;
        var inTitle = at[0] < split;
        score += inTitle ? TITLE : TEXT * Math.min(at.length, 5);
        where.push(at);
      }
      if (matched) hits.push({ doc: d, score: score * docs[d].boost, matched: matched, terms: found, where: where });
    }
    hits.sort(function (a, b) {
      return b.matched - a.matched || b.score - a.score || docs[a.doc].order - docs[b.doc].order;
    });
    return { items: groups(hits) };
  }

  function result(hit, rank) {
    var doc = docs[hit.doc];
    var title = doc.title;
    var text = doc.text;
    if (rank < HIGHLIGHTED) {
      var hay = folded[hit.doc];
      var split = titleEnd[hit.doc];
      var inTitle = [];
      var inText = [];
      hit.where.forEach(function (positions) {
        positions.forEach(function (p) { (p < split ? inTitle : inText).push(p); });
      });
      title = mark(title, hay, 0, inTitle);
      text = mark(text, hay, split + 1, inText);
    }
    return { location: doc.location, title: title, text: text, score: hit.score, terms: hit.terms };
  }

  // Results grouped by page, as Material shows them: the page first, then its sections.
  function groups(hits) {
    var byPage = new Map();
    hits.forEach(function (hit, rank) {
      var doc = docs[hit.doc];
      var page = doc.parent || doc;
      var group = byPage.get(page);
      if (!group) byPage.set(page, (group = []));
      group.push(result(hit, rank));
    });
    var items = [];
    byPage.forEach(function (group, page) {
      if (!group.some(function (r) { return r.location === page.location; })) {
        group.push({ location: page.location, title: page.title, text: page.text, score: 0, terms: {} });
      }
      items.push(group);
    });
    return items;
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === 0) {
      setup(message.data || {});
      self.postMessage({ type: 1 });
    } else if (message.type === 2) {
      var answer;
      try { answer = search(message.data); } catch (e) { answer = { items: [] }; }
      self.postMessage({ type: 3, data: answer });
    }
  });
}

// Loaded as a worker, it runs; loaded into a page (from file://), it only defines the function,
// which search-shim.js then starts from a blob: URL.
if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  archiveSearchWorker();
}

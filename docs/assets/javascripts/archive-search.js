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
 * after, with the missing words listed. Score: 10 per word in the title, else 1 per time it is in
 * the text (up to 5), times the page's boost; ties keep the index's order. Titles and texts
 * arrive HTML-escaped from the search plugin; only <mark> is added, outside tags and entities.
 * The first 200 results carry their text; the others their title (Material shows ten at first).
 */
function archiveSearchWorker() {
  "use strict";

  var TITLE = 10;
  var TEXT = 1;
  var COUNTED = 5; // occurrences in the text that add to the score
  var SHOWN = 200; // results sent with their text, <mark>ed; the rest with their title only (Material shows
                   // ten at first and more as the reader scrolls; thousands of texts would only slow the page)
  var MARKUP = /<[^>]*>|&[#a-zA-Z0-9]+;/g;
  var NON_ASCII = /[^\x00-\x7f]/;
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
    if (!NON_ASCII.test(text)) return text.toLowerCase(); // the common case, and the fast one
    return text.replace(/[A-Z]|[^\x00-\x7f]/g, foldChar);
  }

  var spaces = " ";
  function blanks(match) {
    while (spaces.length < match.length) spaces += spaces;
    return spaces.slice(0, match.length);
  }

  // Tags and entities become spaces of the same length: no match inside them, positions kept.
  function searchable(html) {
    return fold(html.indexOf("<") === -1 && html.indexOf("&") === -1 ? html : html.replace(MARKUP, blanks));
  }

  function isWordChar(code) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
  }

  function setup(data) {
    if (data.config && data.config.separator) {
      try { separator = new RegExp(data.config.separator); } catch (e) { /* keep the default */ }
    }
    var byPage = new Map();
    docs = (data.docs || data.items || []).map(function (doc) {
      var title = String(doc.title || "");
      var text = String(doc.text || "");
      var location = String(doc.location || "");
      var item = { location: location, title: title, text: text, boost: Number(doc.boost) || 1 };
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

  // The first position at or after `from` where `word` starts a word of `hay`, or -1.
  function firstStart(hay, word, from) {
    var at = hay.indexOf(word, from);
    while (at > 0 && isWordChar(hay.charCodeAt(at - 1))) at = hay.indexOf(word, at + 1);
    return at;
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
      var found = null;
      for (var t = 0; t < terms.length; t++) {
        var at = firstStart(hay, terms[t], 0);
        if (at === -1) continue;
        (found = found || {})[terms[t]] = true;
        matched++;
        if (at < split) {
          score += TITLE;
        } else {
          var seen = 1;
          while (seen < COUNTED && (at = firstStart(hay, terms[t], at + 1)) !== -1) seen++;
          score += TEXT * seen;
        }
      }
      if (matched) hits.push({ doc: d, score: score * docs[d].boost, matched: matched, found: found });
    }
    hits.sort(function (a, b) {
      return b.matched - a.matched || b.score - a.score || a.doc - b.doc;
    });
    return { items: groups(hits, terms) };
  }

  function result(hit, rank, terms) {
    var doc = docs[hit.doc];
    var found = {};
    terms.forEach(function (term) { found[term] = !!hit.found[term]; });
    if (rank >= SHOWN) return { location: doc.location, title: doc.title, text: "", score: hit.score, terms: found };
    var hay = folded[hit.doc];
    var split = titleEnd[hit.doc];
    var inTitle = [];
    var inText = [];
    terms.forEach(function (term) {
      if (!hit.found[term]) return;
      starts(hay, term).forEach(function (p) { (p < split ? inTitle : inText).push(p); });
    });
    return {
      location: doc.location,
      title: mark(doc.title, hay, 0, inTitle),
      text: mark(doc.text, hay, split + 1, inText),
      score: hit.score,
      terms: found,
    };
  }

  // Results grouped by page, as Material shows them: the page first, then its sections.
  function groups(hits, terms) {
    var byPage = new Map();
    hits.forEach(function (hit, rank) {
      var doc = docs[hit.doc];
      var page = doc.parent || doc;
      var group = byPage.get(page);
      if (!group) byPage.set(page, (group = []));
      group.push(result(hit, rank, terms));
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

/*
 * ConflictKG query page: YASGUI bound to this server's SPARQL endpoint, plus a sidebar of the
 * saved queries from api/queries. Works offline: nothing here (or in the YASGUI setup below)
 * calls a remote service.
 */
(function () {
  "use strict";

  // Everything is resolved against the page's own address, so the page works on any host and
  // port, and also behind a reverse proxy that mounts the server under a path prefix.
  var ENDPOINT = new URL("conflict/sparql", document.baseURI).href;
  var QUERIES_URL = new URL("api/queries", document.baseURI).href;

  var PREFIXES = {
    ckg: "https://w3id.org/conflict-kg/ontology#",
    ckgid: "https://w3id.org/conflict-kg/id/",
    rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    owl: "http://www.w3.org/2002/07/owl#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
    dct: "http://purl.org/dc/terms/",
    schema: "http://schema.org/",
    geo: "http://www.opengis.net/ont/geosparql#",
    skos: "http://www.w3.org/2004/02/skos/core#",
    prov: "http://www.w3.org/ns/prov#",
    text: "http://jena.apache.org/text#"
  };

  var STARTER_QUERY = [
    "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>",
    "PREFIX ckgid: <https://w3id.org/conflict-kg/id/>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    "PREFIX owl: <http://www.w3.org/2002/07/owl#>",
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>",
    "PREFIX dct: <http://purl.org/dc/terms/>",
    "PREFIX schema: <http://schema.org/>",
    "PREFIX geo: <http://www.opengis.net/ont/geosparql#>",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
    "PREFIX prov: <http://www.w3.org/ns/prov#>",
    "",
    "# Who claimed what: the latest 100 claims, with who made them, the kind of event,",
    "# where and when it happened, and the words quoted from the report.",
    "SELECT ?claimantLabel ?eventType ?placeLabel ?date ?quote WHERE {",
    "  ?c a ckg:Claim ;",
    "     ckg:claimant ?who ;",
    "     ckg:asserts ?e ;",
    "     ckg:quote ?quote .",
    "  ?who rdfs:label ?claimantLabel .",
    "  ?e a ?eventType .",
    "  OPTIONAL { ?e ckg:place/rdfs:label ?placeLabel }",
    "  OPTIONAL { ?e ckg:date ?date }",
    "}",
    "ORDER BY DESC(?date)",
    "LIMIT 100"
  ].join("\n");

  var STARTER = {
    name: "who-claimed-what",
    title: "Who claimed what? (starter query)",
    query: STARTER_QUERY
  };

  var savedList = document.getElementById("saved-queries");
  var filterInput = document.getElementById("query-filter");

  document.getElementById("endpoint-link").href = ENDPOINT;
  document.getElementById("endpoint-url").textContent = ENDPOINT;

  if (typeof window.Yasgui !== "function") {
    showMainError("The query editor could not be loaded (yasgui/yasgui.min.js is missing). " +
      "The SPARQL endpoint is still available at " + ENDPOINT + ".");
    loadSavedQueries(null);
    return;
  }

  var Yasgui = window.Yasgui;
  var Yasqe = Yasgui.Yasqe;

  configureYasqeDefaults();
  var yasgui = createYasgui();
  window.ckgYasgui = yasgui; // for debugging from the console and for browser tests
  loadSavedQueries(yasgui);
  runOnLoadIfAsked(yasgui);

  // ---------------------------------------------------------------------------------------------
  // YASGUI

  function createYasgui() {
    var instance = new Yasgui(document.getElementById("yasgui"), {
      // Own storage key, so state left by another YASGUI on this origin is not picked up. Tabs and
      // their queries are kept across reloads; the endpoint is not (see pinEndpoint below).
      persistenceId: "conflictkg",
      tabName: "Query",
      requestConfig: {
        endpoint: ENDPOINT,
        method: "POST"
      },
      copyEndpointOnNewTab: false,
      // A shared link (#query=...&endpoint=...) may name another endpoint: ours wins.
      populateFromUrl: function (tabConfig) {
        tabConfig.requestConfig = Object.assign({}, tabConfig.requestConfig, { endpoint: ENDPOINT });
        return tabConfig;
      },
      // The default catalogue lists DBpedia and Wikidata; offer only this server.
      endpointCatalogueOptions: {
        getData: function () { return [{ endpoint: ENDPOINT }]; },
        keys: []
      },
      // The endpoint field is replaced by this read-only label (the field is hidden in app.css).
      endpointInfo: function () {
        var info = document.createElement("div");
        info.className = "ckg-endpoint-info";
        info.title = "Queries are sent to this server's read-only SPARQL endpoint";
        var label = document.createElement("span");
        label.textContent = "Endpoint";
        var code = document.createElement("code");
        code.textContent = ENDPOINT;
        info.appendChild(label);
        info.appendChild(code);
        return info;
      },
      corsProxy: undefined,
      yasqe: {
        value: STARTER_QUERY,
        // Prefix autocompletion uses the list bundled with YASQE; null = never ask prefix.cc.
        prefixCcApi: null,
        autocompleters: Yasqe.defaults.autocompleters.slice(),
        createShortLink: undefined,
        // The PREFIX block is folded on load (click the ▸ in the gutter to open it).
        collapsePrefixesOnLoad: true
      },
      yasr: {
        prefixes: PREFIXES,
        defaultPlugin: "table"
      }
    });

    // A tab restored from localStorage carries the endpoint it had when it was stored: replace it,
    // so a stale endpoint never overrides this server's.
    Object.keys(instance._tabs || {}).forEach(function (id) { pinEndpoint(instance._tabs[id]); });
    instance.on("tabSelect", function (y, tabId) { pinEndpoint(y.getTab(tabId)); });
    instance.on("tabAdd", function (y, tabId) {
      // The tab object is created right after this event.
      setTimeout(function () { pinEndpoint(y.getTab(tabId)); }, 0);
    });
    instance.on("queryBefore", function (y, tab) { pinEndpoint(tab); });
    return instance;
  }

  // A link with ?run=1 runs the current tab's query as soon as the page is up (the browser test uses it too).
  function runOnLoadIfAsked(instance) {
    if (new URLSearchParams(window.location.search).get("run") !== "1") return;
    var tab = instance.getTab();
    if (!tab) return;
    pinEndpoint(tab);
    var yasqe = tab.getYasqe && tab.getYasqe();
    if (yasqe && typeof yasqe.query === "function") {
      yasqe.query().catch(function (err) {
        if (window.console) console.warn("ConflictKG: the query did not run:", err);
      });
    }
  }

  function pinEndpoint(tab) {
    if (tab && typeof tab.getEndpoint === "function" && tab.getEndpoint() !== ENDPOINT) {
      tab.setEndpoint(ENDPOINT);
    }
  }

  /*
   * YASQE's default autocompleters are "variables" and "prefixes" (both local: the prefix list is
   * bundled) and "class" and "property", which ask the Linked Open Vocabularies web service.
   * Those two are replaced by versions that ask this server's endpoint for the classes and
   * properties the graph declares or uses, so autocompletion works offline and fits this graph.
   */
  function configureYasqeDefaults() {
    var registry = Yasqe.Autocompleters || {};
    ["class", "property"].forEach(function (kind) {
      var base = registry[kind];
      if (!base) return;
      Yasqe.registerAutocompleter(Object.assign({}, base, {
        name: kind,
        bulk: false,
        persistenceId: null,
        get: function (yasqe, token) { return localTermCompletions(kind, token); }
      }), false);
    });
    // Keep only autocompleters that are local (anything else a future YASQE adds is dropped).
    var local = ["variables", "prefixes", "class", "property"].filter(function (n) { return registry[n]; });
    // YASGUI and YASQE merge configs with lodash.merge, which merges arrays index by index (a
    // shorter list in our config would not drop entries), so the defaults must hold this list.
    Yasqe.defaults.autocompleters = local.slice();
    if (Yasgui.defaults && Yasgui.defaults.yasqe) Yasgui.defaults.yasqe.autocompleters = local.slice();
    Yasqe.defaults.prefixCcApi = null;
    // A tab passes editorHeight: undefined to YASQE unless the user resized the editor, so the
    // height has to be a default too. 400px shows the whole starter query.
    Yasqe.defaults.editorHeight = "400px";
  }

  var termCache = {};

  var TERM_QUERIES = {
    "class":
      "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n" +
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" +
      "SELECT DISTINCT ?t WHERE {\n" +
      "  { { ?t a owl:Class } UNION { ?t a rdfs:Class } UNION { [] a ?t } }\n" +
      "  UNION { GRAPH ?g { { ?t a owl:Class } UNION { ?t a rdfs:Class } UNION { [] a ?t } } }\n" +
      "  FILTER(isIRI(?t))\n" +
      "} LIMIT 5000",
    "property":
      "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n" +
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" +
      "SELECT DISTINCT ?t WHERE {\n" +
      "  { { ?t a owl:ObjectProperty } UNION { ?t a owl:DatatypeProperty } UNION { ?t a owl:AnnotationProperty }\n" +
      "    UNION { ?t a rdf:Property } UNION { [] ?t [] } }\n" +
      "  UNION { GRAPH ?g { [] ?t [] } }\n" +
      "  FILTER(isIRI(?t))\n" +
      "} LIMIT 5000"
  };

  function fetchTerms(kind) {
    if (!termCache[kind]) {
      termCache[kind] = fetch(ENDPOINT, {
        method: "POST",
        headers: {
          "Accept": "application/sparql-results+json",
          "Content-Type": "application/x-www-form-urlencoded"
        },
        body: new URLSearchParams({ query: TERM_QUERIES[kind] }).toString()
      }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (json) {
        var bindings = (json && json.results && json.results.bindings) || [];
        return bindings
          .map(function (b) { return b.t && b.t.value; })
          .filter(function (v) { return typeof v === "string"; })
          .sort();
      }).catch(function (err) {
        delete termCache[kind]; // try again next time
        if (window.console) console.warn("ConflictKG: no " + kind + " suggestions:", err);
        return [];
      });
    }
    return termCache[kind];
  }

  function localTermCompletions(kind, token) {
    var typed = (token && (token.autocompletionString || token.string) || "").trim();
    return fetchTerms(kind).then(function (terms) {
      var out = [];
      for (var i = 0; i < terms.length && out.length < 100; i++) {
        if (terms[i].indexOf(typed) === 0) out.push(terms[i]);
      }
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Saved queries sidebar

  function loadSavedQueries(instance) {
    fetch(QUERIES_URL, { headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("the server answered HTTP " + response.status);
        return response.json();
      })
      .then(function (list) {
        if (!Array.isArray(list)) throw new Error("unexpected answer from the server");
        var queries = list.filter(function (q) {
          return q && typeof q.query === "string" && q.query.trim() !== "";
        });
        renderQueries(instance, queries, null);
      })
      .catch(function (err) {
        renderQueries(instance, [], "Saved queries could not be loaded (" +
          (err && err.message ? err.message : "network error") + "). " +
          "You can still write and run queries in the editor.");
      });
  }

  function renderQueries(instance, queries, error) {
    clear(savedList);
    savedList.appendChild(queryItem(instance, STARTER, true));

    if (error) {
      var li = document.createElement("li");
      li.className = "ckg-status ckg-error";
      li.setAttribute("role", "status");
      li.textContent = error;
      savedList.appendChild(li);
      return;
    }
    if (queries.length === 0) {
      var empty = document.createElement("li");
      empty.className = "ckg-status";
      empty.textContent = "No saved queries on this server.";
      savedList.appendChild(empty);
      return;
    }
    queries.forEach(function (q) { savedList.appendChild(queryItem(instance, q, false)); });

    if (queries.length > 6) {
      filterInput.hidden = false;
      filterInput.addEventListener("input", function () {
        var needle = filterInput.value.trim().toLowerCase();
        Array.prototype.forEach.call(savedList.querySelectorAll("li.ckg-query"), function (li) {
          var hay = li.getAttribute("data-search") || "";
          li.hidden = needle !== "" && hay.indexOf(needle) < 0;
        });
      });
    }
  }

  function queryItem(instance, q, isStarter) {
    var title = displayTitle(q);
    var li = document.createElement("li");
    li.className = "ckg-query" + (isStarter ? " ckg-starter" : "");
    li.setAttribute("data-search", (title + " " + (q.name || "")).toLowerCase());

    var open = document.createElement("button");
    open.type = "button";
    open.className = "ckg-open";
    open.title = "Open in a new tab";
    var t = document.createElement("span");
    t.className = "ckg-title";
    t.textContent = title;
    open.appendChild(t);
    if (q.name) {
      var n = document.createElement("span");
      n.className = "ckg-name";
      n.textContent = q.name;
      open.appendChild(n);
    }
    open.addEventListener("click", function () { openInNewTab(instance, q); });

    var load = document.createElement("button");
    load.type = "button";
    load.className = "ckg-load";
    load.title = "Load into the current tab";
    load.setAttribute("aria-label", "Load “" + title + "” into the current tab");
    load.textContent = "↧";
    load.addEventListener("click", function () { loadIntoCurrentTab(instance, q); });

    if (!instance) { open.disabled = true; load.disabled = true; }

    li.appendChild(open);
    li.appendChild(load);
    return li;
  }

  function displayTitle(q) {
    var title = typeof q.title === "string" ? q.title.trim() : "";
    return title || humanize(q.name) || "Untitled query";
  }

  function humanize(name) {
    if (typeof name !== "string" || !name) return "";
    var s = name.replace(/[-_]+/g, " ").trim();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function tabName(q) {
    var base = humanize(q.name) || displayTitle(q);
    return base.length > 32 ? base.slice(0, 31) + "…" : base;
  }

  function openInNewTab(instance, q) {
    var name = tabName(q);
    // If this saved query is already open, unchanged, in a tab of its name, go to that tab.
    // (Not YASGUI's avoidDuplicateTabs: in 4.6 it returns the previously active tab.)
    var tabs = instance._tabs || {};
    var existing = Object.keys(tabs).map(function (id) { return tabs[id]; }).filter(function (tab) {
      var json = tab.getPersistedJson && tab.getPersistedJson();
      return tab.getName() === name && json && json.yasqe && json.yasqe.value === q.query;
    })[0];
    if (existing) {
      instance.selectTabId(existing.getId());
      pinEndpoint(existing);
      return;
    }
    var tab = instance.addTab(true, {
      name: name,
      yasqe: { value: q.query },
      requestConfig: { endpoint: ENDPOINT }
    });
    pinEndpoint(tab);
  }

  function loadIntoCurrentTab(instance, q) {
    var tab = instance.getTab();
    if (!tab) { openInNewTab(instance, q); return; }
    tab.setQuery(q.query);
    tab.setName(tabName(q));
    pinEndpoint(tab);
    var yasqe = tab.getYasqe && tab.getYasqe();
    if (yasqe && typeof yasqe.focus === "function") yasqe.focus();
  }

  // ---------------------------------------------------------------------------------------------

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function showMainError(message) {
    var box = document.createElement("p");
    box.className = "ckg-main-error";
    box.setAttribute("role", "alert");
    box.textContent = message;
    document.getElementById("yasgui").appendChild(box);
  }
})();

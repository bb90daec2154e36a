/* Wat wil wie? stemhulp: one statement per screen, result on the same page.
 *
 * Private by design: answers live in memory and in the URL fragment (never sent
 * to a server). Every screen is a history entry, so the phone's back gesture
 * steps back one statement; answers are kept in memory across those steps. The
 * matching mirrors generator/stemhulp/matching.py exactly (a test compares both).
 * Loaded only by the stemhulp page, which it mounts on. */
(function () {
  "use strict";

  var ANSWERS = ["eens", "neutraal", "oneens"];
  var STEP = { eens: 0, neutraal: 1, oneens: 2 };
  var LABEL = { eens: "Eens", neutraal: "Neutraal", oneens: "Oneens", skip: "Overgeslagen" };
  var CODE = { eens: "e", neutraal: "n", oneens: "o", skip: "s" };
  var DECODE = { e: "eens", n: "neutraal", o: "oneens", s: "skip" };
  var SCREENS = ["intro", "question", "important", "actors", "result"];
  var SCREEN_CODE = { question: "v", important: "b", actors: "m", result: "u" };

  /* ---- matching (same rules and integer arithmetic as matching.py) ---- */

  function percentage(points, max) {
    return Math.floor((200 * points + max) / (2 * max));
  }

  function answeredIds(answers) {
    return Object.keys(answers).filter(function (id) { return ANSWERS.indexOf(answers[id]) >= 0; });
  }

  function neededOverlap(minOverlapCap, answers) {
    return Math.min(minOverlapCap, answeredIds(answers).length);
  }

  function match(positions, answers, important, actors, minOverlapCap) {
    var answered = answeredIds(answers);
    var needed = neededOverlap(minOverlapCap, answers);
    var results = actors.map(function (actor, order) {
      var r = { actor: actor, points: 0, maxPoints: 0, overlap: 0, agreements: 0, percentage: null, order: order };
      answered.forEach(function (id) {
        var position = (positions[actor] || {})[id];
        if (ANSWERS.indexOf(position) < 0) return;
        var weight = important.indexOf(id) >= 0 ? 2 : 1;
        r.overlap += 1;
        if (position === answers[id]) r.agreements += 1;
        r.points += weight * (2 - Math.abs(STEP[answers[id]] - STEP[position]));
        r.maxPoints += weight * 2;
      });
      if (r.overlap >= needed && r.maxPoints > 0) r.percentage = percentage(r.points, r.maxPoints);
      return r;
    });
    results.sort(function (a, b) {
      var ar = a.percentage !== null, br = b.percentage !== null;
      if (ar !== br) return ar ? -1 : 1;
      return (b.percentage || 0) - (a.percentage || 0) || b.points - a.points || a.order - b.order;
    });
    return results;
  }

  function positionsByActor(data) {
    var byActor = {};
    data.actors.forEach(function (a) { byActor[a.id] = {}; });
    data.statements.forEach(function (s) {
      Object.keys(s.positions).forEach(function (actor) {
        if (byActor[actor]) byActor[actor][s.id] = s.positions[actor];
      });
    });
    return byActor;
  }

  /* ---- state in the URL fragment ---- */

  function fresh() {
    return { screen: "intro", index: 0, answers: {}, important: {}, excluded: {}, stale: false, changed: false, shared: false, editing: false };
  }

  function answerCodes(data, state) {
    return data.statements.map(function (s) {
      var code = CODE[state.answers[s.id]] || "_";
      return state.important[s.id] ? code.toUpperCase() : code;
    }).join("");
  }

  function encode(data, state, extra) {
    var parts = ["v=" + data.version, "p=" + data.positionsVersion, "a=" + answerCodes(data, state)];
    var excluded = data.actors.filter(function (x) { return state.excluded[x.id]; }).map(function (x) { return x.id; });
    if (excluded.length) parts.push("x=" + excluded.join(","));
    parts.push("s=" + SCREEN_CODE[state.screen] + (state.screen === "question" ? state.index + 1 : ""));
    if (state.editing) parts.push("w=1");
    return "#" + parts.concat(extra || []).join("&");
  }

  function params(hash) {
    var found = {};
    hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) found[pair.slice(0, i)] = decodeURIComponent(pair.slice(i + 1));
    });
    return found;
  }

  function decode(data, hash) {
    var p = params(hash);
    if (!p.a) return null;
    var state = fresh();
    state.stale = p.v !== data.version;
    if (state.stale) return state;
    state.changed = !!p.p && p.p !== data.positionsVersion;
    state.shared = p.d === "1";
    state.editing = p.w === "1";
    data.statements.forEach(function (s, i) {
      var c = p.a.charAt(i);
      var answer = DECODE[c.toLowerCase()];
      if (answer) state.answers[s.id] = answer;
      if (answer && c !== c.toLowerCase()) state.important[s.id] = true;
    });
    (p.x || "").split(",").forEach(function (id) { if (id) state.excluded[id] = true; });
    var open = firstOpen(data, state);
    var screen = screenOf(p.s || (p.r === "1" ? "u" : ""));
    var index = screen === "question" ? Math.min(Math.max(parseInt(p.s.slice(1), 10) - 1 || 0, 0), data.statements.length - 1) : 0;
    if (screen === "question" && (open === -1 || index <= open)) {
      state.screen = "question";
      state.index = index;
    } else if (screen && screen !== "question" && open === -1) {
      state.screen = screen;
      state.index = data.statements.length - 1;
    } else {  // an old link, or one that skips ahead of the answers: the first open statement
      state.screen = open === -1 ? "important" : "question";
      state.index = open === -1 ? data.statements.length - 1 : open;
    }
    return state;
  }

  function screenOf(code) {
    var letter = (code || "").charAt(0);
    return SCREENS.filter(function (screen) { return SCREEN_CODE[screen] === letter; })[0] || "";
  }

  function firstOpen(data, state) {
    for (var i = 0; i < data.statements.length; i++) {
      if (!state.answers[data.statements[i].id]) return i;
    }
    return -1;
  }

  /* ---- tiny DOM helper: text is always set as text, never as HTML ---- */

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") el.textContent = attrs[k];
      else if (k === "on") Object.keys(attrs.on).forEach(function (ev) { el.addEventListener(ev, attrs.on[ev]); });
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return el;
  }

  function button(text, cls, onClick, extra) {
    var attrs = { type: "button", class: "md-button " + (cls || ""), text: text, on: { click: onClick } };
    Object.keys(extra || {}).forEach(function (k) { attrs[k] = extra[k]; });
    return h("button", attrs);
  }

  function stance(position) {
    return h("span", { class: "wvw-stance wvw-stance--" + (position || "geen-standpunt"), text: position ? LABEL[position] : "Geen standpunt" });
  }

  /* ---- the quiz ---- */

  function Quiz(root, data) {
    this.root = root;
    this.data = data;
    this.positions = positionsByActor(data);
    this.actors = {};
    var self = this;
    data.actors.forEach(function (a) { self.actors[a.id] = a; });
    this.state = decode(data, location.hash) || fresh();
    this.depth = (history.state && history.state.wvwDepth) || 0;  // quiz screens behind this one in this visit
    this.onPop = function () {
      if (!root.isConnected) { window.removeEventListener("popstate", self.onPop); return; }
      self.restore();
    };
  }

  /* A new screen is a new history entry: the back gesture returns to the previous one. */
  Quiz.prototype.go = function (screen, index) {
    this.loadDetails().catch(function () {});  // the reader is using the quiz: fetch the explanations now
    this.state.screen = screen;
    if (index !== undefined) this.state.index = index;
    if (screen !== "question") this.state.editing = false;
    this.depth += 1;
    history.pushState(Object.assign({}, history.state, { wvwDepth: this.depth }), "", this.url());
    this.render(true);
  };

  /* "Vorige": the previous history entry when there is one of this visit (so the back gesture and
     this button agree); after opening a link halfway through, the previous screen as a new entry. */
  Quiz.prototype.back = function () {
    if (this.depth > 0) { history.back(); return; }
    var state = this.state, last = this.data.statements.length - 1;
    if (state.screen === "question") { if (state.index === 0) this.go("intro"); else this.go("question", state.index - 1); }
    else if (state.screen === "important") this.go("question", last);
    else if (state.screen === "actors") this.go("important");
    else this.go("intro");
  };

  /* Change the current entry only (a checkbox on the same screen). */
  Quiz.prototype.save = function () {
    history.replaceState(Object.assign({}, history.state, { wvwDepth: this.depth }), "", this.url());
  };

  Quiz.prototype.url = function () {
    return this.state.screen === "intro" ? location.pathname + location.search : encode(this.data, this.state, this.state.shared ? ["d=1"] : []);
  };

  /* Back or forward: take the screen from the address, keep every answer given so far. */
  Quiz.prototype.restore = function () {
    var kept = this.state;
    var shown = decode(this.data, location.hash) || fresh();
    this.depth = (history.state && history.state.wvwDepth) || 0;
    if (!shown.stale) {
      Object.keys(kept.answers).forEach(function (id) { shown.answers[id] = kept.answers[id]; });
      Object.keys(kept.important).forEach(function (id) { shown.important[id] = kept.important[id]; });
      shown.excluded = kept.excluded;
      shown.shared = kept.shared && shown.screen !== "intro";
    }
    this.state = shown;
    if (shown.screen !== "intro") this.save();
    this.render(true);
  };

  Quiz.prototype.render = function (moved) {
    var screens = { intro: this.intro, question: this.question, important: this.chooseImportant, actors: this.chooseActors, result: this.result };
    var view = screens[this.state.screen].call(this);
    this.root.replaceChildren(view);
    var article = this.root.closest("article");
    if (article) article.classList.toggle("wvw-quiz-active", this.state.screen === "question");
    document.documentElement.classList.remove("wvw-quiz-q");  // the guess made before the first paint (main.html) has served
    if (moved) this.reveal(view);
  };

  /* Bring the new screen's heading into view below the sticky header, and move focus to it. */
  Quiz.prototype.reveal = function (view) {
    var focus = view.querySelector("[data-focus]");
    var header = document.querySelector(".md-header");
    var offset = (header ? header.getBoundingClientRect().height : 0) + 12;
    var top = this.root.getBoundingClientRect().top + window.scrollY - offset;
    if (this.root.getBoundingClientRect().top < offset || this.root.getBoundingClientRect().top > window.innerHeight / 3) window.scrollTo(0, Math.max(top, 0));
    if (focus) focus.focus({ preventScroll: true });
  };

  Quiz.prototype.heading = function (text, describedBy) {
    return h("h2", { class: "wvw-quiz__heading", tabindex: "-1", "data-focus": true, "aria-describedby": describedBy || null, text: text });
  };

  Quiz.prototype.intro = function () {
    var self = this, data = this.data;
    return h("section", { class: "wvw-quiz__screen" }, [
      this.heading(this.state.stale ? "Deze link past niet meer" : "Zo werkt de stemhulp"),
      this.state.stale ? h("p", { class: "wvw-quiz__warning", text: "De stellingen zijn veranderd sinds deze link is gemaakt. Doe de stemhulp opnieuw." }) : null,
      h("ul", { class: "wvw-quiz__intro" }, [
        h("li", { text: "Je krijgt " + data.statements.length + " stellingen. Kies eens, neutraal of oneens. Je mag een stelling overslaan." }),
        h("li", { text: "Aan het eind kies je wat je extra belangrijk vindt, en met wie je wilt vergelijken." }),
        h("li", { text: "Je antwoorden blijven op je telefoon. We sturen niets door en bewaren niets." })
      ]),
      h("p", { class: "wvw-muted", text: ballotNote(data) }),
      this.startButtons()
    ]);
  };

  Quiz.prototype.startButtons = function () {
    var self = this, open = firstOpen(this.data, this.state);
    if (!answeredIds(this.state.answers).length && open <= 0) {
      return h("p", { class: "wvw-actions" }, [button("Begin met stelling 1", "md-button--primary wvw-quiz__start", function () { self.go("question", 0); })]);
    }
    return h("p", { class: "wvw-actions" }, [
      button("Ga verder", "md-button--primary wvw-quiz__start", function () { if (open === -1) self.go("result"); else self.go("question", open); }),
      button("Opnieuw beginnen", "", function () { self.state = fresh(); self.go("question", 0); })
    ]);
  };

  Quiz.prototype.question = function () {
    var self = this, data = this.data, state = this.state;
    var s = data.statements[state.index];
    var total = data.statements.length;
    var current = state.answers[s.id];
    var progressId = "wvw-quiz-progress";
    var answerButtons = ANSWERS.map(function (answer) {
      return button(LABEL[answer], "wvw-quiz__answer wvw-quiz__answer--" + answer + (current === answer ? " md-button--primary" : ""), function () { self.answer(answer); }, { "aria-pressed": current === answer ? "true" : "false" });
    });
    var shown = !!this.details;
    var more = h("div", { class: "wvw-quiz__explanation" }, this.explanation(s, current));
    var details = h("details", { class: "wvw-quiz__more question", on: { toggle: function () {
      if (details.open && !shown) { shown = true; self.fillExplanation(more, s, current); }
    } } }, [h("summary", { text: "Meer uitleg over deze stelling" }), more]);
    var nav = state.editing
      ? [button("Terug naar je uitslag", "wvw-quiz__back", function () { self.go("result"); })]
      : [button("Vorige", "wvw-quiz__back", function () { self.back(); }), button("Sla over", "wvw-quiz__skip", function () { self.answer("skip"); })];
    return h("section", { class: "wvw-quiz__screen" }, [
      h("p", { class: "wvw-quiz__progress", id: progressId }, [
        h("span", { text: "Stelling " + (state.index + 1) + " van " + total }),
        h("span", { class: "wvw-quiz__theme", text: s.theme })
      ]),
      h("progress", { max: String(total), value: String(state.index), "aria-hidden": "true" }),
      this.heading(s.text, progressId),
      details,
      h("div", { class: "wvw-quiz__answers", role: "group", "aria-label": "Jouw antwoord" }, answerButtons),
      h("div", { class: "wvw-quiz__nav" }, nav)
    ]);
  };

  /* The explanations and reasons live in a file of their own (data.details): fetched once, when the
     reader first moves through the quiz or opens "Meer uitleg", not with the page. */
  Quiz.prototype.loadDetails = function () {
    var self = this;
    if (!this.detailsRequest) {
      this.detailsRequest = fetch(this.data.details)
        .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
        .then(function (found) { self.details = found.statements; return self.details; });
      this.detailsRequest.catch(function () { self.detailsRequest = null; });  // try again next time
    }
    return this.detailsRequest;
  };

  Quiz.prototype.explanation = function (s, current) {
    var d = this.details && this.details[s.id];
    if (!d) return [h("p", { class: "wvw-muted", text: "Uitleg laden…" })];
    return [
      h("p", { text: d.explanation }),
      current ? this.reasons(s, d) : h("p", { class: "wvw-muted", text: "Wat de partijen en organisaties vinden, zie je bij je uitslag." })
    ];
  };

  Quiz.prototype.fillExplanation = function (more, s, current) {
    var self = this;
    this.loadDetails().then(function () {
      more.replaceChildren.apply(more, self.explanation(s, current));
    }, function () {
      more.replaceChildren(h("p", {}, ["De uitleg kon niet laden. ", h("a", { href: s.url, text: "Lees de stelling op haar eigen pagina" })]));
    });
  };

  Quiz.prototype.reasons = function (s, d) {
    return h("ul", { class: "wvw-quiz__reasons" }, this.data.actors.map(function (a) {
      var links = (d.reasons[a.id] || []).map(function (r) { return h("a", { href: r.url, text: r.title }); });
      var items = [h("strong", { text: a.short + ": " }), stance(s.positions[a.id])];
      if (links.length) { items.push(" "); links.forEach(function (l, i) { if (i) items.push(" · "); items.push(l); }); }
      return h("li", {}, items);
    }).concat([h("li", {}, [h("a", { href: s.url, text: "Alle citaten bij deze stelling" })])]));
  };

  Quiz.prototype.answer = function (answer) {
    var s = this.data.statements[this.state.index];
    this.state.answers[s.id] = answer;
    if (answer === "skip") delete this.state.important[s.id];
    if (this.state.editing) { this.go("result"); return; }
    var next = this.state.index + 1;
    if (next < this.data.statements.length) this.go("question", next);
    else this.go("important");
  };

  /* From the result: change one answer, then straight back to the result. */
  Quiz.prototype.edit = function (index) {
    this.go("question", index);
    this.state.editing = true;
    this.save();
    this.render(true);
  };

  Quiz.prototype.chooseImportant = function () {
    var self = this, state = this.state;
    var answered = this.data.statements.filter(function (s) { return ANSWERS.indexOf(state.answers[s.id]) >= 0; });
    return h("section", { class: "wvw-quiz__screen" }, [
      this.heading("Wat vind je extra belangrijk?"),
      h("p", { text: "Kies de stellingen die voor jou het zwaarst wegen. Die tellen dubbel. Je mag er ook geen kiezen." }),
      h("fieldset", { class: "wvw-quiz__choices" }, [h("legend", { class: "wvw-sr", text: "Belangrijke stellingen" })].concat(answered.map(function (s) {
        var id = "wvw-imp-" + s.id;
        return h("div", { class: "wvw-quiz__choice" }, [
          h("input", { type: "checkbox", id: id, checked: !!state.important[s.id], on: { change: function (ev) { if (ev.target.checked) state.important[s.id] = true; else delete state.important[s.id]; self.save(); } } }),
          h("label", { for: id }, [h("span", { text: s.text }), h("span", { class: "wvw-muted", text: " (jij: " + LABEL[state.answers[s.id]].toLowerCase() + ")" })])
        ]);
      }))),
      h("div", { class: "wvw-quiz__nav" }, [
        button("Vorige", "wvw-quiz__back", function () { self.back(); }),
        button("Verder", "md-button--primary", function () { self.go("actors"); })
      ])
    ]);
  };

  Quiz.prototype.chooseActors = function () {
    var self = this, state = this.state;
    var message = h("p", { class: "wvw-quiz__warning", role: "alert" });
    return h("section", { class: "wvw-quiz__screen" }, [
      this.heading("Met wie wil je vergelijken?"),
      h("fieldset", { class: "wvw-quiz__choices" }, [h("legend", { class: "wvw-sr", text: "Vergelijk met" })].concat(this.data.actors.map(function (a) {
        var id = "wvw-act-" + a.id;
        return h("div", { class: "wvw-quiz__choice", style: a.style }, [
          h("input", { type: "checkbox", id: id, checked: !state.excluded[a.id], on: { change: function (ev) { if (ev.target.checked) delete state.excluded[a.id]; else state.excluded[a.id] = true; message.textContent = ""; self.save(); } } }),
          h("label", { for: id }, [h("strong", { text: a.name }), h("br"), h("span", { class: "wvw-muted", text: a.kind + ". " + a.note })])
        ]);
      }))),
      message,
      h("div", { class: "wvw-quiz__nav" }, [
        button("Vorige", "wvw-quiz__back", function () { self.back(); }),
        button("Bekijk je uitslag", "md-button--primary", function () {
          if (self.selectedActors().length === 0) { message.textContent = "Kies minstens één partij of organisatie."; return; }
          self.go("result");
        })
      ])
    ]);
  };

  Quiz.prototype.selectedActors = function () {
    var state = this.state;
    return this.data.actors.filter(function (a) { return !state.excluded[a.id]; }).map(function (a) { return a.id; });
  };

  Quiz.prototype.results = function () {
    var state = this.state;
    var important = Object.keys(state.important).filter(function (id) { return state.important[id]; });
    return match(this.positions, state.answers, important, this.selectedActors(), this.data.minOverlap);
  };

  Quiz.prototype.result = function () {
    var self = this, state = this.state, data = this.data;
    var results = this.results();
    var answered = answeredIds(state.answers).length;
    var onBallot = results.filter(function (r) { return self.actors[r.actor].onBallot; });
    var compared = results.filter(function (r) { return !self.actors[r.actor].onBallot; });
    var status = h("p", { class: "wvw-quiz__status", role: "status", "aria-live": "polite" });
    return h("section", { class: "wvw-quiz__screen" }, [
      this.heading(state.shared ? "Uitslag van iemand anders" : "Jouw uitslag"),
      state.shared ? h("div", { class: "admonition warning wvw-quiz__shared" }, [
        h("p", { class: "admonition-title", text: "Dit is de uitslag van iemand anders" }),
        h("p", { text: "Iemand deelde zijn of haar antwoorden met je. Doe de stemhulp zelf om je eigen uitslag te zien." }),
        h("p", {}, [button("Doe zelf de stemhulp", "md-button--primary", function () { self.state = fresh(); self.go("question", 0); })])
      ]) : null,
      state.changed ? h("p", { class: "wvw-quiz__warning", text: "Sinds deze uitslag is gemaakt, zijn standpunten aangepast. Je ziet de uitslag met de standpunten van nu." }) : null,
      answered === 0 ? h("p", { class: "wvw-quiz__warning", text: "Je hebt alle stellingen overgeslagen. Er valt dus niets te vergelijken." }) : null,
      h("p", { class: "wvw-result__advice" }, [h("strong", { text: "Dit is geen stemadvies. " }), ballotNote(data)]),
      h("h3", { class: "wvw-result__group", text: "Op het stembiljet" }),
      onBallot.length ? this.ranking(onBallot, answered, true) : h("p", { class: "wvw-muted", text: "Je hebt geen partij op het stembiljet gekozen om mee te vergelijken." }),
      compared.length ? h("h3", { class: "wvw-result__group", text: "Ter vergelijking" }) : null,
      compared.length ? h("p", { class: "wvw-muted", text: "Geen partijen: je kunt er niet op stemmen. Hun documenten laten wel zien wat zij willen." }) : null,
      compared.length ? this.ranking(compared, answered, false) : null,
      this.shareBoxes(results, status),
      status,
      h("p", { class: "wvw-actions" }, [
        button("Opnieuw beginnen", "", function () { self.state = fresh(); self.go("intro"); })
      ]),
      h("details", { class: "wvw-quiz__more" }, [
        h("summary", { text: "Hoe wordt dit berekend?" }),
        h("p", { text: "Per stelling krijgt een partij of organisatie 2 punten als haar standpunt gelijk is aan jouw antwoord, 1 punt als het één stap verschilt (bijvoorbeeld eens en neutraal) en 0 punten bij het tegenovergestelde. Stellingen die je belangrijk vindt, tellen dubbel. Heeft een document geen standpunt, dan telt die stelling voor hen niet mee. Daarom staat er steeds bij op hoeveel van je antwoorden het percentage rust." })
      ]),
      h("h3", { text: "Jouw antwoorden en hun standpunten" }),
      h("p", { class: "wvw-muted", text: "Tik op 'Wijzig' om één antwoord te veranderen. Daarna zie je meteen je nieuwe uitslag." }),
      h("ol", { class: "wvw-result__statements" }, data.statements.map(function (s, index) {
        var answer = state.answers[s.id] || "skip";
        var line = [h("span", { text: "Jij: " }), h("span", { class: "wvw-stance wvw-stance--" + (answer === "skip" ? "geen-standpunt" : answer), text: LABEL[answer] })];
        if (state.important[s.id]) line.push(h("span", { class: "wvw-muted", text: " (telt dubbel)" }));
        line.push(" ");
        line.push(button("Wijzig", "wvw-result__edit", function () { self.edit(index); }, { "aria-label": "Wijzig je antwoord op: " + s.text }));
        return h("li", { id: "wvw-uitslag-" + s.id }, [
          h("a", { href: s.url, text: s.text }),
          h("p", { class: "wvw-result__you" }, line),
          h("p", { class: "wvw-stances" }, self.selectedActors().filter(function (id) { return s.positions[id]; }).map(function (id) {
            return h("span", { class: "wvw-stance-dot wvw-stance--" + s.positions[id], text: self.actors[id].short + ": " + LABEL[s.positions[id]].toLowerCase() });
          })),
          silentOn(s, self.selectedActors(), self.actors)
        ]);
      }))
    ]);
  };

  Quiz.prototype.ranking = function (results, answered, ranked) {
    var self = this;
    var needed = neededOverlap(this.data.minOverlap, this.state.answers);
    return h(ranked ? "ol" : "ul", { class: "wvw-result" }, results.map(function (r) {
      var a = self.actors[r.actor];
      var counted = r.percentage !== null;
      return h("li", { class: "wvw-result__item" + (counted ? "" : " wvw-result__item--few"), style: a.style }, [
        h("div", { class: "wvw-result__head" }, [
          h("a", { class: "wvw-result__name", href: a.url, text: a.name }),
          counted ? h("span", { class: "wvw-result__pct", text: r.percentage + "%" }) : null
        ]),
        counted ? h("div", { class: "wvw-result__bar", "aria-hidden": "true" }, [h("span", { style: "width: " + r.percentage + "%" })]) : null,
        h("p", { class: "wvw-result__meta", text: counted
          ? a.kind + " · op " + r.overlap + " van je " + answered + " antwoorden · " + r.agreements + " keer precies hetzelfde"
          : "Te weinig standpunten om te vergelijken: op " + r.overlap + " van je " + answered + " antwoorden; minimaal " + needed + " nodig." }),
        ranked ? null : h("p", { class: "wvw-result__note", text: a.note }),
        counted ? self.comparison(a) : null
      ]);
    }));
  };

  /* Per actor: the statements where the reader and the document agree, and where they differ. */
  Quiz.prototype.comparison = function (a) {
    var state = this.state;
    var same = [], different = [];
    this.data.statements.forEach(function (s) {
      var answer = state.answers[s.id], position = s.positions[a.id];
      if (ANSWERS.indexOf(answer) < 0 || !position) return;
      (answer === position ? same : different).push({ s: s, answer: answer, position: position });
    });
    function list(items) {
      return h("ul", {}, items.map(function (x) {
        return h("li", {}, [h("a", { href: x.s.url, text: x.s.text }), " ", h("span", { class: "wvw-muted", text: "(jij: " + LABEL[x.answer].toLowerCase() + ", " + a.short + ": " + LABEL[x.position].toLowerCase() + ")" })]);
      }));
    }
    return h("details", { class: "wvw-result__compare" }, [
      h("summary", { text: "Waar je het met " + a.short + " over eens bent, en waarover niet" }),
      h("p", { class: "wvw-result__subhead", text: "Hetzelfde antwoord (" + same.length + ")" }),
      same.length ? list(same) : h("p", { class: "wvw-muted", text: "Geen." }),
      h("p", { class: "wvw-result__subhead", text: "Een ander antwoord (" + different.length + ")" }),
      different.length ? list(different) : h("p", { class: "wvw-muted", text: "Geen." })
    ]);
  };

  /* Share the top match without the answers by default; with the answers only as a second, explicit choice. */
  Quiz.prototype.shareBoxes = function (results, status) {
    var self = this, data = this.data;
    var template = document.getElementById("stemhulp-share");
    if (!template || !window.WvwShare) return null;
    var top = results.filter(function (r) { return r.percentage !== null && self.actors[r.actor].onBallot; })[0];
    var actor = top ? this.actors[top.actor] : null;
    var plain = template.content.firstElementChild.cloneNode(true);
    var text = actor
      ? "Mijn uitslag in de stemhulp " + data.election + ": " + top.percentage + "% overeenkomst met " + actor.short + ". Doe hem zelf, je antwoorden blijven op je telefoon."
      : "Doe de stemhulp " + data.election + " op Wat wil wie?. Je antwoorden blijven op je telefoon.";
    window.WvwShare.update(plain, { title: "Stemhulp " + data.election, text: text, url: absolute(actor ? actor.shareUrl : data.url) });
    var withAnswers = template.content.firstElementChild.cloneNode(true);
    withAnswers.setAttribute("aria-label", "Deel je uitslag met je antwoorden");
    window.WvwShare.update(withAnswers, {
      title: "Stemhulp " + data.election,
      text: "Mijn antwoorden in de stemhulp " + data.election + " op Wat wil wie?:",
      url: absolute(location.pathname + encode(data, this.state, ["d=1"]))
    });
    status.hidden = true;
    return h("div", { class: "wvw-result__share" }, [
      h("h3", { text: "Deel je uitslag" }),
      h("p", { class: "wvw-muted", text: "Je deelt alleen wie bovenaan staat, niet je antwoorden." }),
      plain,
      h("details", { class: "wvw-quiz__more" }, [
        h("summary", { text: "Liever delen met je antwoorden?" }),
        h("p", { text: "Wie deze link opent, ziet al je antwoorden en wat je belangrijk vindt." }),
        withAnswers
      ])
    ]);
  };

  function silentOn(s, selected, actors) {
    var silent = selected.filter(function (id) { return !s.positions[id]; }).map(function (id) { return actors[id].short; });
    return silent.length ? h("p", { class: "wvw-muted wvw-small", text: "Geen standpunt: " + silent.join(", ") + "." }) : null;
  }

  function absolute(url) {
    return new URL(url, location.href).href;
  }

  function ballotNote(data) {
    var on = data.actors.filter(function (a) { return a.onBallot; });
    var off = data.actors.filter(function (a) { return !a.onBallot; });
    var text = on.length === 1 ? "Van de partijen op het stembiljet staat alleen " + on[0].name + " op deze site." : on.length ? "Op deze site staan " + on.length + " partijen van het stembiljet." : "Op deze site staat nog geen partij van het stembiljet.";
    if (off.length) text += " " + off.map(function (a) { return a.short; }).join(", ").replace(/, ([^,]*)$/, " en $1") + (off.length === 1 ? " staat" : " staan") + " er ter vergelijking bij; daarop kun je niet stemmen.";
    return text;
  }

  function mount() {
    var root = document.getElementById("stemhulp");
    var tpl = document.getElementById("stemhulp-data");
    if (!root || !tpl || root.getAttribute("data-mounted")) return;
    root.setAttribute("data-mounted", "1");
    var quiz = new Quiz(root, JSON.parse(tpl.content.textContent));
    window.addEventListener("popstate", quiz.onPop);
    if (quiz.state.screen !== "intro") quiz.save();
    quiz.render(false);
  }

  window.WvwStemhulp = { mount: mount, match: match, percentage: percentage };
  mount();
})();

/* Wat wil wie? stemhulp: one statement per screen, result on the same page.
 *
 * Private by design: answers live in memory and in the URL fragment (never sent
 * to a server), so a result link can be shared. The matching mirrors
 * generator/matching.py exactly (a test compares both). Loaded only by the
 * stemhulp page; `mount` runs again after Material's instant navigation. */
(function () {
  "use strict";

  var ANSWERS = ["eens", "neutraal", "oneens"];
  var STEP = { eens: 0, neutraal: 1, oneens: 2 };
  var LABEL = { eens: "Eens", neutraal: "Neutraal", oneens: "Oneens", skip: "Overgeslagen" };
  var CODE = { eens: "e", neutraal: "n", oneens: "o", skip: "s" };
  var DECODE = { e: "eens", n: "neutraal", o: "oneens", s: "skip" };

  /* ---- matching (same rules and integer arithmetic as matching.py) ---- */

  function percentage(points, max) {
    return Math.floor((200 * points + max) / (2 * max));
  }

  function match(positions, answers, important, actors, minOverlapCap) {
    var answered = Object.keys(answers).filter(function (id) { return ANSWERS.indexOf(answers[id]) >= 0; });
    var needed = Math.min(minOverlapCap, answered.length);
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

  function encode(data, state) {
    var a = data.statements.map(function (s) {
      var code = CODE[state.answers[s.id]] || "_";
      return state.important[s.id] ? code.toUpperCase() : code;
    }).join("");
    var parts = ["v=" + data.version, "a=" + a];
    var excluded = data.actors.filter(function (x) { return state.excluded[x.id]; }).map(function (x) { return x.id; });
    if (excluded.length) parts.push("x=" + excluded.join(","));
    if (state.screen === "result") parts.push("r=1");
    return "#" + parts.join("&");
  }

  function decode(data, hash) {
    var params = {};
    hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) params[pair.slice(0, i)] = decodeURIComponent(pair.slice(i + 1));
    });
    if (!params.a) return null;
    var state = fresh();
    state.stale = params.v !== data.version;
    if (state.stale) return state;
    data.statements.forEach(function (s, i) {
      var c = params.a.charAt(i);
      var answer = DECODE[c.toLowerCase()];
      if (answer) state.answers[s.id] = answer;
      if (answer && c !== c.toLowerCase()) state.important[s.id] = true;
    });
    (params.x || "").split(",").forEach(function (id) { if (id) state.excluded[id] = true; });
    var open = firstOpen(data, state);
    state.index = open === -1 ? data.statements.length - 1 : open;
    state.screen = params.r === "1" && open === -1 ? "result" : open === -1 ? "important" : "question";
    return state;
  }

  function fresh() {
    return { screen: "intro", index: 0, answers: {}, important: {}, excluded: {}, stale: false };
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

  /* ---- the quiz ---- */

  function Quiz(root, data) {
    this.root = root;
    this.data = data;
    this.positions = positionsByActor(data);
    this.actors = {};
    var self = this;
    data.actors.forEach(function (a) { self.actors[a.id] = a; });
    this.state = decode(data, location.hash) || fresh();
  }

  Quiz.prototype.go = function (screen, index) {
    this.state.screen = screen;
    if (index !== undefined) this.state.index = index;
    this.save();
    this.render();
  };

  Quiz.prototype.save = function () {
    var url = this.state.screen === "intro" ? location.pathname + location.search : encode(this.data, this.state);
    history.replaceState(history.state, "", url);
  };

  Quiz.prototype.render = function () {
    var screens = { intro: this.intro, question: this.question, important: this.chooseImportant, actors: this.chooseActors, result: this.result };
    var view = screens[this.state.screen].call(this);
    this.root.replaceChildren(view);
    var focus = view.querySelector("[data-focus]");
    if (focus && this.mounted) focus.focus({ preventScroll: false });
    this.mounted = true;
  };

  Quiz.prototype.heading = function (text, describedBy) {
    return h("h2", { class: "wvw-quiz__heading", tabindex: "-1", "data-focus": true, "aria-describedby": describedBy || null, text: text });
  };

  Quiz.prototype.intro = function () {
    var self = this, data = this.data;
    var others = data.actors.filter(function (a) { return !a.onBallot; });
    return h("section", { class: "wvw-quiz__screen" }, [
      this.heading(this.state.stale ? "Deze link past niet meer" : "Zo werkt het"),
      this.state.stale ? h("p", { class: "wvw-quiz__warning", text: "De stellingen zijn veranderd sinds deze link is gemaakt. Doe de stemhulp opnieuw." }) : null,
      h("ul", { class: "wvw-quiz__intro" }, [
        h("li", { text: "Je krijgt " + data.statements.length + " stellingen. Kies eens, neutraal of oneens. Je mag een stelling overslaan." }),
        h("li", { text: "Aan het eind kies je wat je extra belangrijk vindt, en met wie je wilt vergelijken." }),
        h("li", { text: "Je antwoorden blijven op je telefoon. We sturen niets door en bewaren niets." })
      ]),
      others.length ? h("p", { class: "wvw-muted", text: "Let op: " + notOnBallot(data.actors).replace("De uitslag is geen stemadvies. ", "") }) : null,
      h("p", { class: "wvw-actions" }, [button("Begin met stelling 1", "md-button--primary wvw-quiz__start", function () { self.state = fresh(); self.go("question", 0); })])
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
    var details = h("details", { class: "wvw-quiz__more question" }, [
      h("summary", { text: "Meer uitleg" }),
      h("p", { text: s.explanation }),
      current ? this.reasons(s) : h("p", { class: "wvw-muted", text: "Wat de partijen en organisaties vinden, zie je nadat je hebt geantwoord." })
    ]);
    return h("section", { class: "wvw-quiz__screen" }, [
      h("p", { class: "wvw-quiz__progress", id: progressId }, [
        h("span", { text: "Stelling " + (state.index + 1) + " van " + total }),
        h("span", { class: "wvw-quiz__theme", text: s.theme })
      ]),
      h("progress", { max: String(total), value: String(state.index), "aria-hidden": "true" }),
      this.heading(s.text, progressId),
      details,
      h("div", { class: "wvw-quiz__answers", role: "group", "aria-label": "Jouw antwoord" }, answerButtons),
      h("div", { class: "wvw-quiz__nav" }, [
        button("Vorige", "wvw-quiz__back", function () { if (state.index === 0) self.go("intro"); else self.go("question", state.index - 1); }),
        button("Sla over", "wvw-quiz__skip", function () { self.answer("skip"); })
      ])
    ]);
  };

  Quiz.prototype.reasons = function (s) {
    var self = this;
    return h("ul", { class: "wvw-quiz__reasons" }, this.data.actors.map(function (a) {
      var position = s.positions[a.id];
      var links = (s.reasons[a.id] || []).map(function (r) { return h("a", { href: r.url, text: r.title }); });
      var items = [h("strong", { text: a.short + ": " }), h("span", { class: "wvw-stance wvw-stance--" + (position || "geen-standpunt"), text: position ? LABEL[position] : "Geen standpunt" })];
      if (links.length) { items.push(" "); links.forEach(function (l, i) { if (i) items.push(" · "); items.push(l); }); }
      return h("li", {}, items);
    }).concat([h("li", {}, [h("a", { href: s.url, text: "Alle citaten bij deze stelling" })])]));
  };

  Quiz.prototype.answer = function (answer) {
    var s = this.data.statements[this.state.index];
    this.state.answers[s.id] = answer;
    if (answer === "skip") delete this.state.important[s.id];
    var next = this.state.index + 1;
    if (next < this.data.statements.length) this.go("question", next);
    else this.go("important");
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
        button("Vorige", "wvw-quiz__back", function () { self.go("question", self.data.statements.length - 1); }),
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
        return h("div", { class: "wvw-quiz__choice", style: "--wvw-actor: " + a.colour }, [
          h("input", { type: "checkbox", id: id, checked: !state.excluded[a.id], on: { change: function (ev) { if (ev.target.checked) delete state.excluded[a.id]; else state.excluded[a.id] = true; message.textContent = ""; self.save(); } } }),
          h("label", { for: id }, [h("strong", { text: a.name }), h("br"), h("span", { class: "wvw-muted", text: a.kind + ". " + a.note })])
        ]);
      }))),
      message,
      h("div", { class: "wvw-quiz__nav" }, [
        button("Vorige", "wvw-quiz__back", function () { self.go("important"); }),
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
    var answered = data.statements.filter(function (s) { return ANSWERS.indexOf(state.answers[s.id]) >= 0; }).length;
    var ranked = results.filter(function (r) { return r.percentage !== null; });
    var unranked = results.filter(function (r) { return r.percentage === null; });
    var list = h("ol", { class: "wvw-result" }, ranked.map(function (r) {
      var a = self.actors[r.actor];
      return h("li", { class: "wvw-result__item", style: "--wvw-actor: " + a.colour }, [
        h("div", { class: "wvw-result__head" }, [
          h("a", { class: "wvw-result__name", href: a.url, text: a.name }),
          h("span", { class: "wvw-result__pct", text: r.percentage + "%" })
        ]),
        h("div", { class: "wvw-result__bar", "aria-hidden": "true" }, [h("span", { style: "width: " + r.percentage + "%" })]),
        h("p", { class: "wvw-result__meta", text: a.kind + " · op " + r.overlap + " van je " + answered + " antwoorden · " + r.agreements + " keer precies hetzelfde" })
      ]);
    }));
    var share = h("p", { class: "wvw-actions" }, [
      button("Deel je uitslag", "md-button--primary wvw-quiz__share", function () { self.share(status); }),
      button("Pas je antwoorden aan", "", function () { self.go("question", 0); }),
      button("Opnieuw beginnen", "", function () { self.state = fresh(); self.go("intro"); })
    ]);
    var status = h("p", { class: "wvw-quiz__status", role: "status", "aria-live": "polite" });
    return h("section", { class: "wvw-quiz__screen" }, [
      this.heading("Jouw uitslag"),
      answered === 0 ? h("p", { class: "wvw-quiz__warning", text: "Je hebt alle stellingen overgeslagen. Er valt dus niets te vergelijken." }) : null,
      h("p", { text: "Hoe vaak jouw antwoorden overeenkomen met de standpunten in hun documenten. Stellingen die je belangrijk vindt, tellen dubbel." }),
      list,
      unranked.length ? h("div", { class: "wvw-result__few" }, [
        h("h3", { text: "Te weinig standpunten om te vergelijken" }),
        h("ul", {}, unranked.map(function (r) {
          var a = self.actors[r.actor];
          return h("li", {}, [h("a", { href: a.url, text: a.name }), " " + "(standpunt op " + r.overlap + " van je " + answered + " antwoorden; minimaal " + Math.min(data.minOverlap, answered) + " nodig)"]);
        }))
      ]) : null,
      share,
      status,
      h("div", { class: "admonition info" }, [
        h("p", { class: "admonition-title", text: "Wat zegt deze uitslag wel en niet?" }),
        h("p", { text: "Per stelling krijgt een partij of organisatie 2 punten als haar standpunt gelijk is aan jouw antwoord, 1 punt als het één stap verschilt (bijvoorbeeld eens en neutraal) en 0 punten bij het tegenovergestelde. Heeft een document geen standpunt, dan telt die stelling voor hen niet mee. Daarom staat er steeds bij op hoeveel van je antwoorden het percentage rust." }),
        h("p", { text: notOnBallot(data.actors) })
      ]),
      h("h3", { text: "Jouw antwoorden en hun standpunten" }),
      h("ol", { class: "wvw-result__statements" }, data.statements.map(function (s) {
        var answer = state.answers[s.id] || "skip";
        var line = [h("span", { text: "Jij: " }), h("span", { class: "wvw-stance wvw-stance--" + (answer === "skip" ? "geen-standpunt" : answer), text: LABEL[answer] })];
        if (state.important[s.id]) line.push(h("span", { class: "wvw-muted", text: " (telt dubbel)" }));
        return h("li", {}, [
          h("a", { href: s.url, text: s.text }),
          h("p", { class: "wvw-result__you" }, line),
          h("p", { class: "wvw-stances" }, self.selectedActors().map(function (id) {
            var position = s.positions[id];
            return h("span", { class: "wvw-stance-dot wvw-stance--" + (position || "geen-standpunt"), text: self.actors[id].short + ": " + (position ? LABEL[position] : "geen standpunt") });
          }))
        ]);
      }))
    ]);
  };

  function notOnBallot(actors) {
    var others = actors.filter(function (a) { return !a.onBallot; });
    var text = "De uitslag is geen stemadvies. Alleen partijen staan op het stembiljet.";
    if (!others.length) return text;
    return text + " " + others.map(function (a) { return a.short + " (" + a.kind.toLowerCase() + ")"; }).join(", ") +
      (others.length === 1 ? " staat" : " staan") + " er niet op. Hun documenten laten alleen zien wat zij willen.";
  }

  Quiz.prototype.share = function (status) {
    var url = location.href;
    var text = "Mijn uitslag van de stemhulp op Wat wil wie?";
    if (navigator.share) {
      navigator.share({ title: document.title, text: text, url: url }).catch(function () {});
      return;
    }
    var done = function () { status.textContent = "Link gekopieerd. Plak hem in een bericht om je uitslag te delen."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { status.textContent = "Kopieer deze link: " + url; });
    } else {
      status.textContent = "Kopieer deze link: " + url;
    }
  };

  function mount() {
    var root = document.getElementById("stemhulp");
    var tpl = document.getElementById("stemhulp-data");
    if (!root || !tpl || root.getAttribute("data-mounted")) return;
    root.setAttribute("data-mounted", "1");
    var quiz = new Quiz(root, JSON.parse(tpl.content.textContent));
    quiz.render();
  }

  window.WvwStemhulp = { mount: mount, match: match, percentage: percentage };
  mount();
})();

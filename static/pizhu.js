// Pizhu reader script: small, vanilla, deferred. Without it every note is still on the page, linked
// both ways: an entity's or a quote's as a numbered endnote, a figure's as its figures sidebar row. With it each mention opens its item's note on hover (after a
// short delay), on keyboard focus and on tap; a quote's note opens anywhere on the quoted text, and a
// name inside a quote opens its own (the innermost mark wins). One hover note per item, moved next to
// the mention that opened it. Notes with links follow the disclosure pattern (button with
// aria-expanded); plain notes are role=tooltip, referenced by aria-describedby. WCAG 2.2 SC 1.4.13:
// Escape dismisses, the pointer can move onto a note, and a note stays open while hovered or focused.
// The markup it reads (short: a page has hundreds of marks) is described in templates/_marks.html,
// _notes.html and _figures.html: in .article-body, a.e / a.f / a.qm (a quote's marker) link to their note #n5.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var OPEN_DELAY = 200, CLOSE_DELAY = 300, EDGE = 8;
  var TEXT_BLOCKS = "p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6";
  var TRIGGERS = ".article-body :is(a.e, a.f, a.qm)", QUOTES = ".article-body q";
  var current = null; // {trigger, pop, pinned, hot: the element whose hover keeps it open}
  var openTimer = 0, closeTimer = 0, quietFocus = false, plain = false;
  var triggers = [], pops = {}, quoteTriggers = {};

  function byId(id) { return doc.getElementById(id); }
  function all(sel, ctx) { return Array.prototype.slice.call((ctx || doc).querySelectorAll(sel)); }
  function hovered(o) { return o.hot.matches(":hover") || o.pop.matches(":hover"); }
  function focusedIn(o) { var a = doc.activeElement; return a === o.trigger || o.pop.contains(a); }
  function clearTimers() { clearTimeout(openTimer); clearTimeout(closeTimer); }

  // `rect`: where to place the note (the trigger's box, or the line of a quote under the pointer).
  function show(trigger, pinned, hot, rect) {
    clearTimers();
    if (plain) return;
    var pop = pops[trigger.getAttribute("data-note")];
    if (!pop) return;
    if (current && current.trigger !== trigger) hide();
    var wasPinned = current && current.trigger === trigger && current.pinned;
    current = { trigger: trigger, pop: pop, pinned: !!(pinned || wasPinned), hot: hot || trigger };
    if (trigger.nextSibling !== pop) trigger.parentNode.insertBefore(pop, trigger.nextSibling); // next in focus order
    pop.hidden = false;
    trigger.classList.add("is-open");
    current.hot.classList.add("is-open");
    if (trigger.hasAttribute("aria-expanded")) trigger.setAttribute("aria-expanded", "true");
    place(trigger, pop, rect);
  }

  function hide() {
    clearTimers();
    if (!current) return;
    var o = current;
    current = null;
    o.pop.hidden = true;
    o.trigger.classList.remove("is-open");
    o.hot.classList.remove("is-open");
    if (o.trigger.hasAttribute("aria-expanded")) o.trigger.setAttribute("aria-expanded", "false");
  }

  function hideSoon() {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(function () {
      if (current && !current.pinned && !hovered(current) && !focusedIn(current)) hide();
    }, CLOSE_DELAY);
  }

  // Where a note's edge at y may lie without cutting a line of text: y itself, or the edge (below it
  // if down, else above it) of the line box that y falls in, among the text of the trigger's column.
  // A line box is a line's glyph box grown by its half-leading.
  function lineEdge(trigger, y, down, fallback) {
    var column = (trigger.closest(".article-body") || trigger.parentNode).getBoundingClientRect();
    var edge = fallback;
    all(TEXT_BLOCKS, trigger.closest("main") || doc.body).forEach(function (block) {
      var b = block.getBoundingClientRect();
      if (y <= b.top || y >= b.bottom || b.right <= column.left || b.left >= column.right) return;
      if (block.closest(".pz-pop")) return;
      var walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT), range = doc.createRange(), node;
      while ((node = walker.nextNode())) {
        if (!node.data.trim() || node.parentNode.closest(".pz-pop")) continue;
        range.selectNodeContents(node);
        var lh = parseFloat(getComputedStyle(node.parentNode).lineHeight);
        Array.prototype.forEach.call(range.getClientRects(), function (r) {
          var half = Math.max(0, ((lh || r.height) - r.height) / 2);
          if (y > r.top - half && y < r.bottom + half) {
            edge = down ? Math.max(edge, r.bottom + half) : Math.min(edge, r.top - half);
          }
        });
      }
    });
    return edge;
  }

  // The anchor's box (the trigger's, or the line of a quote under the pointer) grown to its whole
  // lines: a note placed against it never covers part of a line.
  function lineBox(trigger, rect) {
    var rects = rect ? [rect] : trigger.getClientRects(), first = rects[0], last = rects[rects.length - 1];
    var r = rect || trigger.getBoundingClientRect();
    return { left: r.left,
             top: lineEdge(trigger, (first.top + first.bottom) / 2, false, first.top),
             bottom: lineEdge(trigger, (last.top + last.bottom) / 2, true, last.bottom) };
  }

  // Below the trigger's line if it fits, else above (whichever has more room), clamped to the viewport
  // horizontally; never over the trigger itself, and covering whole lines of text only.
  function place(trigger, pop, rect) {
    var vw = root.clientWidth, vh = window.innerHeight;
    pop.style.maxHeight = "";
    pop.style.height = "";
    pop.style.width = "";
    pop.style.left = "0px";
    pop.style.top = "0px";
    var width = Math.min(pop.offsetWidth, vw - 2 * EDGE);
    pop.style.width = width + "px";
    var r = lineBox(trigger, rect);
    var height = pop.offsetHeight;
    var below = vh - r.bottom - EDGE, above = r.top - EDGE;
    var down = height <= below || below >= above;
    var room = Math.max(down ? below : above, 48);
    if (height > room) { pop.style.maxHeight = room + "px"; height = room; }
    // its far edge moves out to the next line boundary (or in, when out has no room)
    var near = down ? r.bottom : r.top, y = down ? near + height : near - height;
    var far = lineEdge(trigger, y, down, y);
    if (Math.abs(far - near) > room) far = lineEdge(trigger, y, !down, y);
    height = Math.abs(far - near);
    pop.style.height = height + "px";
    var top = down ? r.bottom : r.top - height;
    // within the text column where it is wide enough (on a wide screen, never over the sidebar)
    var column = (trigger.closest(".article-body") || root).getBoundingClientRect();
    var left = Math.max(EDGE, Math.min(r.left, Math.min(column.right, vw - EDGE) - width));
    var base = pop.offsetParent, bx = -window.scrollX, by = -window.scrollY;
    if (base && base !== doc.body && base !== root) {
      var b = base.getBoundingClientRect();
      bx = b.left + base.clientLeft - base.scrollLeft;
      by = b.top + base.clientTop - base.scrollTop;
    }
    pop.style.left = Math.round(left - bx) + "px";
    pop.style.top = Math.round(top - by) + "px";
    pop.setAttribute("data-side", down ? "below" : "above");
  }

  function toggle(trigger) {
    if (current && current.trigger === trigger && current.pinned) hide();
    else show(trigger, true);
  }

  function leaveFocus(event) {
    if (!current) return;
    var to = event.relatedTarget;
    if (to && (to === current.trigger || current.pop.contains(to))) return;
    current.pinned = false;
    if (!hovered(current)) hide();
  }

  // A figure's note, made from its row in the figures sidebar (the row is the note): what it
  // measures (else its group, 金额（元）…), whose it is, its value in both systems, its qualifier in
  // words (the row's short form, explained by the panel's legend).
  function figureCard(row) {
    var card = doc.createElement("div"), dl = doc.createElement("dl"), line = row.firstElementChild;
    var what = Array.prototype.filter.call(line.childNodes, function (n) { return n.nodeType === 3; })
      .map(function (n) { return n.data; }).join("").split(" · ").join("").trim(); // the line's plain text
    var group = row.closest(".fig-group").querySelector("h3");
    var qualifier = row.querySelector(":scope > abbr");
    card.className = "note-card";
    card.innerHTML = "<b>数字</b> <strong></strong>";
    card.lastChild.textContent = what || group.firstChild.textContent.trim();
    var bold = line.querySelectorAll("b"); // whose (when known), then the value
    [["关于", bold.length > 1 ? bold[0] : null], ["数值", bold[bold.length - 1]],
     ["换算", row.querySelector(":scope > small")], ["限定", qualifier]].forEach(function (d) {
      if (!d[1]) return;
      var dt = doc.createElement("dt"), dd = doc.createElement("dd");
      dt.textContent = d[0];
      dd.textContent = d[1] === qualifier ? qualifierWords(row, qualifier.textContent) : d[1].textContent;
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    card.appendChild(dl);
    return card;
  }

  // 约数 → 约数（原文是大概的数）, from the panel's legend.
  function qualifierWords(row, short) {
    var terms = all(".fig-legend dt", row.closest(".figures-panel"));
    for (var i = 0; i < terms.length; i++) {
      if (terms[i].textContent === short) return short + "（" + terms[i].nextElementSibling.textContent + "）";
    }
    return short;
  }

  // The card of a note: an endnote's from its <b> badge on (before it: its links back to the text and
  // a quote's excerpt), or a figure's made from its sidebar row.
  function cardOf(note) {
    if (note.closest(".figures-panel")) return figureCard(note.closest("li"));
    var card = doc.createElement("div"), child = note.querySelector(":scope > b");
    card.className = "note-card";
    for (; child; child = child.nextSibling) card.appendChild(child.cloneNode(true));
    return card;
  }

  // One hover note per item, made from its note's card; disclosure when the card holds a link.
  function popFor(id) {
    if (pops[id] !== undefined) return pops[id];
    var note = byId(id);
    if (!note || !note.closest(".figures-panel, .endnotes")) return (pops[id] = null);
    var card = cardOf(note);
    var kind = note.closest(".figures-panel") ? "figure" : note.classList.contains("q") ? "quote" : "entity";
    var pop = doc.createElement("span");
    pop.id = "pop-" + id;
    pop.className = "pz-pop pz-pop-" + kind;
    pop.hidden = true;
    pop.appendChild(card);
    var title = card.querySelector("strong");
    pop.setAttribute("data-pattern", card.querySelector("a[href]") ? "disclosure" : "tooltip");
    pop.setAttribute("data-title", title ? title.textContent : "");
    pop.setAttribute("data-num", id.slice(1));
    pop.addEventListener("focusout", leaveFocus);
    return (pops[id] = pop);
  }

  function setUp(trigger) {
    var id = trigger.getAttribute("href").slice(1), pop = popFor(id);
    if (!pop) return;
    trigger.setAttribute("data-note", id);
    trigger.setAttribute("data-num", pop.getAttribute("data-num"));
    trigger.setAttribute("data-pattern", pop.getAttribute("data-pattern"));
    if (!pop.parentNode) trigger.parentNode.insertBefore(pop, trigger.nextSibling);
    if (trigger.classList.contains("qm")) {
      trigger.setAttribute("aria-label", "引语注释：" + pop.getAttribute("data-title"));
      quoteTriggers[id] = trigger;
    }
    trigger.setAttribute("role", "button");
    if (pop.getAttribute("data-pattern") === "disclosure") {
      trigger.setAttribute("aria-expanded", "false");
      trigger.setAttribute("aria-controls", pop.id);
      pop.setAttribute("role", "group");
      pop.setAttribute("aria-label", (trigger.getAttribute("aria-label") || trigger.textContent) + " 的批注");
    } else {
      pop.setAttribute("role", "tooltip");
      trigger.setAttribute("aria-describedby", pop.id);
    }
    triggers.push(trigger);
  }

  // The endnotes' links back to the text, named for screen readers (the page says it once, in a hint).
  all(".endnotes li > a:first-child").forEach(function (a) { a.setAttribute("aria-label", "回到正文"); });
  all(".endnotes .br a").forEach(function (a) { a.setAttribute("aria-label", "回到正文第 " + a.textContent + " 处"); });

  all(TRIGGERS).forEach(setUp);

  // Hover, delegated: the innermost mark under the pointer wins (a name inside a quote opens its own
  // note); anywhere else on a quote opens the quote's note, placed by the line under the pointer.
  function hotAt(target) {
    var el = target.closest && target.closest(TRIGGERS + ", " + QUOTES);
    if (!el) return null;
    if (el.matches(TRIGGERS)) return triggers.indexOf(el) >= 0 ? { trigger: el, hot: el } : null;
    var marker = el.querySelector(":scope > a.qm"); // a quote's first piece holds its marker; later pieces name the note
    var trigger = quoteTriggers[el.getAttribute("data-note") || (marker && marker.getAttribute("href").slice(1))];
    return trigger ? { trigger: trigger, hot: el } : null;
  }
  function lineAt(el, x, y) {
    var rects = el.getClientRects();
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (y >= r.top && y <= r.bottom && x >= r.left - 1 && x <= r.right + 1) return r;
    }
    return el.getBoundingClientRect();
  }
  doc.addEventListener("pointerover", function (e) {
    if (e.pointerType === "touch" || plain) return;
    if (e.target.closest && e.target.closest(".pz-pop")) { clearTimeout(closeTimer); return; }
    var at = hotAt(e.target);
    clearTimeout(openTimer);
    if (!at) { if (current && !current.pinned) hideSoon(); return; }
    if (current && current.trigger === at.trigger && current.hot === at.hot) { clearTimeout(closeTimer); return; }
    var rect = at.hot === at.trigger ? null : lineAt(at.hot, e.clientX, e.clientY);
    openTimer = setTimeout(function () {
      if (current && current.pinned && current.trigger !== at.trigger) return; // a clicked note stays
      show(at.trigger, false, at.hot, rect);
    }, OPEN_DELAY);
  });
  doc.addEventListener("pointerout", function (e) {
    if (e.pointerType === "touch" || !current) return;
    var to = e.relatedTarget;
    if (to && (current.pop.contains(to) || current.hot.contains(to))) return;
    if (!to || !hotAt(to)) clearTimeout(openTimer);
    hideSoon();
  });

  doc.addEventListener("focusin", function (e) {
    var trigger = e.target;
    if (triggers.indexOf(trigger) < 0) return;
    if (quietFocus) { quietFocus = false; return; }
    show(trigger, false);
  });
  doc.addEventListener("focusout", function (e) {
    if (current && e.target === current.trigger) leaveFocus(e);
  });
  doc.addEventListener("click", function (e) {
    if (plain || !e.target.closest || e.target.closest(".pz-pop")) return;
    var trigger = e.target.closest(TRIGGERS);
    if (trigger && triggers.indexOf(trigger) >= 0) { e.preventDefault(); toggle(trigger); return; }
    var at = !trigger && !e.target.closest("a") && hotAt(e.target); // a tap on a quote's text
    if (at) show(at.trigger, true, at.hot, lineAt(at.hot, e.clientX, e.clientY));
  });
  doc.addEventListener("keydown", function (e) {
    if ((e.key === " " || e.key === "Spacebar") && triggers.indexOf(e.target) >= 0) {
      e.preventDefault();
      if (!plain) toggle(e.target);
    }
    if ((e.key === "Escape" || e.key === "Esc") && current) {
      var trigger = current.trigger, inside = current.pop.contains(doc.activeElement);
      hide();
      if (inside) { quietFocus = true; trigger.focus(); quietFocus = false; }
    }
  });
  doc.addEventListener("pointerdown", function (e) {
    var o = current;
    if (o && !o.trigger.contains(e.target) && !o.hot.contains(e.target) && !o.pop.contains(e.target)) hide();
  });
  window.addEventListener("resize", function () { if (current) place(current.trigger, current.pop); });

  // The switch that hides annotations (the checkbox alone already works through CSS).
  var box = byId("pz-hide");
  function setPlain(on) {
    plain = on;
    root.classList.toggle("pz-plain", on);
    if (on) hide();
    triggers.forEach(function (t) { if (on) t.setAttribute("tabindex", "-1"); else t.removeAttribute("tabindex"); });
  }
  if (box) {
    var stored = null;
    try { stored = localStorage.getItem("pizhu-plain"); } catch (err) { /* storage may be off */ }
    if (stored === "1") box.checked = true;
    setPlain(box.checked);
    box.addEventListener("change", function () {
      setPlain(box.checked);
      try { localStorage.setItem("pizhu-plain", box.checked ? "1" : "0"); } catch (err) { /* ignore */ }
    });
  }

  // Figures sidebar: selecting a figure scrolls to its span in the text and highlights it.
  doc.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest(".fig-list a[href^='#r']");
    if (!link) return;
    var target = byId(link.getAttribute("href").slice(1));
    if (!target) return;
    var id = target.getAttribute("href").slice(1);
    e.preventDefault();
    all(".pz-selected").forEach(function (el) { el.classList.remove("pz-selected"); });
    all(".fig-list li.is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    all('.article-body [data-note="' + id + '"]').forEach(function (el) { el.classList.add("pz-selected"); });
    link.closest("li").classList.add("is-selected");
    var reduce = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    quietFocus = true;
    target.focus({ preventScroll: true });
    quietFocus = false;
  });

  // Site-wide timeline: filter by entity (?entity=<id> selects one on load).
  var filter = byId("pz-tl-filter");
  if (filter) {
    var items = all(".tl-site .tl-item"), count = byId("pz-tl-count");
    var apply = function () {
      var value = filter.value, shown = 0;
      items.forEach(function (li) {
        var ok = !value || (" " + li.getAttribute("data-entities") + " ").indexOf(" " + value + " ") >= 0;
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = value ? "显示 " + shown + " / " + items.length + " 条" : "共 " + items.length + " 条";
      // neighbouring years (a timeline with a page per year) keep the filter
      all(".tl-year-nav a").forEach(function (a) {
        var url = new URL(a.href);
        if (value) url.searchParams.set("entity", value); else url.searchParams.delete("entity");
        a.href = url.href;
      });
    };
    var wanted = new URLSearchParams(location.search).get("entity");
    if (wanted && all("option", filter).some(function (o) { return o.value === wanted; })) filter.value = wanted;
    filter.addEventListener("change", function () {
      apply();
      var url = new URL(location.href);
      if (filter.value) url.searchParams.set("entity", filter.value); else url.searchParams.delete("entity");
      history.replaceState(null, "", url.href);
    });
    byId("pz-tl-filter-box").hidden = false;
    apply();
  }
})();

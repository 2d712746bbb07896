// Pizhu reader script: small, vanilla, deferred. Without it every note is still on the page as a
// numbered endnote (linked both ways). With it each marked span opens its note on hover (after a short
// delay), on keyboard focus and on tap. Notes with links follow the disclosure pattern (button with
// aria-expanded); plain notes are role=tooltip, referenced by aria-describedby. WCAG 2.2 SC 1.4.13:
// Escape dismisses, the pointer can move onto a note, and a note stays open while hovered or focused.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var OPEN_DELAY = 200, CLOSE_DELAY = 300, EDGE = 8;
  var TEXT_BLOCKS = "p, li, dd, dt, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6";
  var current = null; // {trigger, pop, pinned}
  var openTimer = 0, closeTimer = 0, quietFocus = false, plain = false;
  var triggers = [];

  function byId(id) { return doc.getElementById(id); }
  function all(sel, ctx) { return Array.prototype.slice.call((ctx || doc).querySelectorAll(sel)); }
  function hovered(o) { return o.trigger.matches(":hover") || o.pop.matches(":hover"); }
  function focusedIn(o) { var a = doc.activeElement; return a === o.trigger || o.pop.contains(a); }
  function clearTimers() { clearTimeout(openTimer); clearTimeout(closeTimer); }

  function show(trigger, pinned) {
    clearTimers();
    if (plain) return;
    var pop = byId("pop-" + trigger.getAttribute("data-note"));
    if (!pop) return;
    if (current && current.trigger !== trigger) hide();
    var wasPinned = current && current.trigger === trigger && current.pinned;
    current = { trigger: trigger, pop: pop, pinned: !!(pinned || wasPinned) };
    pop.hidden = false;
    trigger.classList.add("is-open");
    if (trigger.hasAttribute("aria-expanded")) trigger.setAttribute("aria-expanded", "true");
    place(trigger, pop);
  }

  function hide() {
    clearTimers();
    if (!current) return;
    var o = current;
    current = null;
    o.pop.hidden = true;
    o.trigger.classList.remove("is-open");
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

  // The trigger's box grown to its whole lines (a note placed against it never covers part of a line).
  function lineBox(trigger) {
    var rects = trigger.getClientRects(), first = rects[0], last = rects[rects.length - 1];
    var r = trigger.getBoundingClientRect();
    return { left: r.left,
             top: lineEdge(trigger, (first.top + first.bottom) / 2, false, first.top),
             bottom: lineEdge(trigger, (last.top + last.bottom) / 2, true, last.bottom) };
  }

  // Below the trigger's line if it fits, else above (whichever has more room), clamped to the viewport
  // horizontally; never over the trigger itself, and covering whole lines of text only.
  function place(trigger, pop) {
    var vw = root.clientWidth, vh = window.innerHeight;
    pop.style.maxHeight = "";
    pop.style.height = "";
    pop.style.width = "";
    pop.style.left = "0px";
    pop.style.top = "0px";
    var width = Math.min(pop.offsetWidth, vw - 2 * EDGE);
    pop.style.width = width + "px";
    var r = lineBox(trigger);
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

  function leaveFocus(event, trigger, pop) {
    var to = event.relatedTarget;
    if (to && (to === trigger || pop.contains(to))) return;
    if (!current || current.trigger !== trigger) return;
    current.pinned = false;
    if (!hovered(current)) hide();
  }

  function setUp(trigger) {
    var id = trigger.getAttribute("data-note");
    var own = byId("note-" + id);
    var source = byId("note-" + (trigger.getAttribute("data-card") || id));
    var card = source && source.querySelector(".note-card");
    if (!own || !card) return;
    var kind = (own.className.match(/\bpz-(\w+)/) || [, "entity"])[1];
    var pop = doc.createElement("span");
    pop.id = "pop-" + id;
    pop.className = "pz-pop pz-pop-" + kind;
    pop.hidden = true;
    pop.appendChild(card.cloneNode(true));
    trigger.setAttribute("role", "button");
    if (trigger.getAttribute("data-pattern") === "disclosure") {
      trigger.setAttribute("aria-expanded", "false");
      trigger.setAttribute("aria-controls", pop.id);
      pop.setAttribute("role", "group");
      pop.setAttribute("aria-label", (trigger.getAttribute("aria-label") || trigger.textContent) + " 的批注");
    } else {
      pop.setAttribute("role", "tooltip");
      trigger.setAttribute("aria-describedby", pop.id);
    }
    trigger.parentNode.insertBefore(pop, trigger.nextSibling); // next in focus order: links are reachable
    triggers.push(trigger);

    trigger.addEventListener("pointerenter", function (e) {
      if (e.pointerType === "touch" || plain) return;
      clearTimeout(closeTimer);
      if (current && current.trigger === trigger) return;
      clearTimeout(openTimer);
      openTimer = setTimeout(function () { show(trigger, false); }, OPEN_DELAY);
    });
    trigger.addEventListener("pointerleave", function (e) {
      if (e.pointerType === "touch") return;
      clearTimeout(openTimer);
      if (current && current.trigger === trigger) hideSoon();
    });
    pop.addEventListener("pointerenter", function () { clearTimeout(closeTimer); });
    pop.addEventListener("pointerleave", function (e) {
      if (e.pointerType !== "touch" && current && current.pop === pop) hideSoon();
    });
    trigger.addEventListener("focus", function () {
      if (quietFocus) { quietFocus = false; return; }
      show(trigger, false);
    });
    trigger.addEventListener("blur", function (e) { leaveFocus(e, trigger, pop); });
    pop.addEventListener("focusout", function (e) { leaveFocus(e, trigger, pop); });
    trigger.addEventListener("click", function (e) {
      e.preventDefault();
      if (!plain) toggle(trigger);
    });
    trigger.addEventListener("keydown", function (e) {
      if (e.key === " " || e.key === "Spacebar") { e.preventDefault(); if (!plain) toggle(trigger); }
    });
  }

  all("a.pz-mark[data-pattern], a.pz-qmark[data-pattern]").forEach(setUp);

  doc.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && current) {
      var trigger = current.trigger, inside = current.pop.contains(doc.activeElement);
      hide();
      if (inside) { quietFocus = true; trigger.focus(); quietFocus = false; }
    }
  });
  doc.addEventListener("pointerdown", function (e) {
    if (current && !current.trigger.contains(e.target) && !current.pop.contains(e.target)) hide();
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
    var link = e.target.closest && e.target.closest("a.fig-link[data-target]");
    if (!link) return;
    var id = link.getAttribute("data-target"), target = byId("ref-" + id);
    if (!target) return;
    e.preventDefault();
    all(".pz-selected").forEach(function (el) { el.classList.remove("pz-selected"); });
    all(".fig-item.is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    all('.pz-mark[data-note="' + id + '"]').forEach(function (el) { el.classList.add("pz-selected"); });
    link.closest(".fig-item").classList.add("is-selected");
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

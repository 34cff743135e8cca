// The live page of `mergecamp watch`: draws each state the server sends on /events.
// Every text from the repository goes in with textContent; only the server's SVG
// (already escaped by mergecamp.graph.svg) is parsed as markup.
"use strict";

const $ = (id) => document.getElementById(id);
let ui = {};
let hintsShown = 0;
let hints = [];
let selected = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

// A message as the CLI writes it, `code` in backticks, as text nodes and <code>
// elements (never parsed as markup), so no backtick is shown raw.
function prose(text) {
  const out = document.createDocumentFragment();
  String(text ?? "").split("`").forEach((part, i) => {
    if (part) out.append(i % 2 ? el("code", {}, part) : part);
  });
  return out;
}

// Which element is which across two drawings: commits and rows by sha, labels by ref.
function keyOf(node) {
  const c = node.classList;
  if (c.contains("head-marker")) return "head";
  if (c.contains("label")) return "label:" + node.dataset.kind + ":" + node.dataset.ref;
  if (c.contains("commit")) return "commit:" + node.dataset.sha;
  if (c.contains("row")) return "row:" + node.dataset.sha;
  if (c.contains("subject")) return "subject:" + node.dataset.sha;
  if (c.contains("edge")) return "edge:" + node.dataset.child + ">" + node.dataset.parent;
  return null;
}

const KEYED = "g.commit, g.label, g.head-marker, g.row, g.subject, path.edge";

// Swap in the new drawing; elements that existed slide from their old place (CSS
// transition on transform), new ones fade in.
function morph(holder, svgText) {
  const tpl = document.createElement("template");
  tpl.innerHTML = svgText.trim();
  const fresh = tpl.content.firstElementChild;
  const old = holder.querySelector("svg");
  const before = new Map();
  if (old) for (const n of old.querySelectorAll(KEYED)) before.set(keyOf(n), n.style.transform);
  const moving = [];
  for (const n of fresh.querySelectorAll(KEYED)) {
    const key = keyOf(n);
    if (!before.has(key)) {
      if (old) n.classList.add("entering");
    } else if (before.get(key) && before.get(key) !== n.style.transform) {
      moving.push([n, n.style.transform]);
      n.style.transition = "none";
      n.style.transform = before.get(key);
    }
  }
  if (old) old.replaceWith(fresh);
  else holder.append(fresh);
  if (moving.length) {
    fresh.getBoundingClientRect(); // lay out the old places before moving on
    for (const [n, target] of moving) {
      n.style.transition = "";
      n.style.transform = target;
    }
  }
  if (selected) {
    const again = fresh.querySelector(`g.commit[data-sha="${selected}"]`);
    if (again) again.classList.add("selected");
  }
}

function renderPanels(graphs) {
  const box = $("panels");
  const seen = new Set();
  for (const g of graphs) {
    seen.add(g.id);
    let panel = box.querySelector(`section[data-graph="${g.id}"]`);
    if (!panel) {
      panel = el("section", { class: "panel", "data-graph": g.id }, el("h2"), el("p", { class: "note" }), el("div", { class: "drawing" }));
      box.append(panel);
    }
    panel.querySelector("h2").textContent = g.heading;
    const note = panel.querySelector(".note");
    note.textContent = g.note || "";
    note.hidden = !g.note;
    const drawing = panel.querySelector(".drawing");
    if (g.svg) morph(drawing, g.svg);
    else drawing.replaceChildren();
  }
  for (const panel of box.querySelectorAll("section[data-graph]")) {
    if (!seen.has(panel.dataset.graph)) panel.remove();
  }
}

function mark(step) {
  return step.passed ? "✔" : step.judged ? "✘" : "·";
}

function renderChecklist(state) {
  const steps = state.check.steps;
  const list = $("checklist");
  list.replaceChildren();
  let done = 0;
  for (const s of steps) {
    const m = mark(s);
    if (s.passed) done += 1;
    const li = el("li", { "data-step": s.id, "data-mark": m },
      el("span", { class: "mark" }, m), prose(state.labels[s.id] || s.id));
    if (!s.passed && s.judged) {
      li.append(el("div", { class: "message" }, prose(s.message)));
      if (s.fix) li.append(el("div", { class: "message" }, el("code", {}, s.fix)));
    }
    list.append(li);
  }
  const progress = $("progress");
  progress.textContent = `${done}/${steps.length}`;
  progress.dataset.done = String(done);
  const first = steps.find((s) => !s.passed && s.judged);
  let current = state.check.passed ? ui.all_done : first ? first.message : "";
  if (!first && !state.check.passed && state.quick) current = ui.checking;
  $("current").replaceChildren(prose(current));
  $("repo-state").textContent = state.check.state || "";
}

function renderPrs(prs) {
  $("prs-box").hidden = prs === null;
  if (prs === null) return;
  const list = $("prs");
  list.replaceChildren();
  if (!prs.length) list.append(el("li", {}, ui.no_prs));
  for (const pr of prs) {
    if (pr.error) { list.append(el("li", {}, pr.error)); continue; }
    const review = pr.state === "merged" ? ui.pr_merged
      : pr.state !== "open" ? ui.pr_closed
      : pr.approved ? ui.pr_approved
      : pr.findings.length ? ui.pr_changes : ui.pr_waiting;
    const li = el("li", { "data-pr": String(pr.number), "data-state": pr.state },
      `#${pr.number} `, el("code", {}, `${pr.branch} → ${pr.base}`),
      ` ${pr.title} (${pr.author}${pr.reviewer ? " → " + pr.reviewer : ""}) `,
      el("span", { class: "state" }, review));
    if (pr.state !== "merged" && pr.findings.length) {
      const ul = el("ul");
      for (const f of pr.findings) ul.append(el("li", {}, f));
      li.append(ul);
    }
    list.append(li);
  }
}

function renderTexts(state) {
  ui = state.ui;
  const t = state.texts;
  document.title = `${t.title} · ${ui.title}`;
  $("title").textContent = `${t.title} (${state.exercise})`;
  $("checklist-heading").textContent = ui.checklist;
  $("prs-heading").textContent = ui.prs;
  $("story-heading").textContent = ui.story;
  $("story").replaceChildren(prose(t.story));
  $("story-steps").replaceChildren(...t.steps.map((s) => el("li", {}, s)));
  $("goal-heading").textContent = ui.goal_text;
  $("goal-text").replaceChildren(prose(t.goal));
  $("hint-button").textContent = ui.hint;
  $("legend").textContent = `${ui.legend} · ${ui.click_commit}`;
  hints = t.hints;
}

function render(state) {
  if (state.error) { $("repo-state").textContent = state.error; return; }
  renderTexts(state);
  renderPanels(state.graphs);
  renderChecklist(state);
  renderPrs(state.prs);
  document.body.dataset.version = String(state.version);
  document.body.dataset.quick = String(state.quick);
}

async function showCommit(sha) {
  selected = sha;
  for (const n of document.querySelectorAll("g.commit.selected")) n.classList.remove("selected");
  for (const n of document.querySelectorAll(`g.commit[data-sha="${sha}"]`)) n.classList.add("selected");
  const box = $("detail");
  const reply = await fetch(`/commit/${sha}`);
  const info = await reply.json();
  box.hidden = false;
  if (!reply.ok) { box.replaceChildren(el("p", {}, info.error)); return; }
  const files = el("table");
  for (const f of info.files) {
    files.append(el("tr", {}, el("td", { class: "plus" }, `+${f.added}`), el("td", { class: "minus" }, `−${f.removed}`), el("td", {}, f.path)));
  }
  const configs = el("ul", { class: "configs" });
  for (const c of info.configs) {
    const text = c.unparsed ? `${c.file}: ?` : `${c.name} ${c.before} → ${c.after}`;
    configs.append(el("li", { title: `${c.file}: ${c.key}`, "data-key": c.key || "" }, el("code", {}, text)));
  }
  if (!info.configs.length) configs.append(el("li", {}, ui.no_config_change));
  box.dataset.sha = info.sha;
  box.replaceChildren(
    el("h2", {}, `${ui.commit} ${info.sha.slice(0, 7)}`),
    el("pre", {}, info.message),
    el("p", {}, `${ui.author}: ${info.author} <${info.email}> · ${info.date}`),
    el("h2", {}, ui.files), files,
    el("h2", {}, ui.config_changes), configs,
  );
}

$("panels").addEventListener("click", (event) => {
  const node = event.target.closest("g.commit");
  if (node) showCommit(node.dataset.sha);
});

$("hint-button").addEventListener("click", () => {
  if (hintsShown < hints.length) {
    $("hints").append(el("li", {}, prose(hints[hintsShown])));
    hintsShown += 1;
  }
  if (hintsShown >= hints.length && !$("hint-button").disabled) {
    $("hint-button").disabled = true;
    $("hints").after(el("p", { class: "last-hint" }, ui.no_more_hints));
  }
});

function connect() {
  const source = new EventSource("/events");
  source.onopen = () => { $("connection").dataset.live = "true"; $("connection").textContent = "● " + (ui.live || "live"); };
  source.onmessage = (event) => render(JSON.parse(event.data));
  source.onerror = () => { $("connection").dataset.live = "false"; $("connection").textContent = ui.offline || "offline"; };
}
connect();

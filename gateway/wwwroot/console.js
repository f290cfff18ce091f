// The caseworker console: the queue of one's departments, and working a case.
"use strict";

MucGov.addTexts({
  de: {
    title: "Fallbearbeitung", logout: "Abmelden", queue: "Warteschlange", status: "Status", open: "offen", "new": "neu", "in-progress": "in Bearbeitung",
    "waiting-for-citizen": "wartet auf Bürger/in", resolved: "erledigt", language: "Sprache", unassigned: "nicht zugewiesen", breaching: "Frist überschritten",
    filter: "Anzeigen", next: "Nächsten Fall übernehmen", reference: "Aktenzeichen", department: "Stelle", priority: "Priorität", due: "Frist",
    assignee: "Bearbeitung", claim: "Übernehmen", release: "Zurückgeben", transcript: "Chatverlauf", citizen: "Bürgerkonto-Daten (mit Einwilligung)",
    history: "Verlauf", messages: "Nachrichten", reply: "Antwort an die Bürgerin / den Bürger", internal: "interne Notiz (nur für die Stelle)", send: "Senden",
    ask: "Rückfrage an die Bürgerin / den Bürger", askButton: "Rückfrage stellen", transferTo: "Abgeben an", reason: "Grund", transfer: "Abgeben",
    resolution: "Ergebnis (sieht die Bürgerin / der Bürger)", resolve: "Erledigen", total: "Fälle", none: "Kein passender Fall in der Warteschlange.",
    signedInAs: "Angemeldet als", form: "Antrag", typed: "selbst eingegeben, ungeprüft", fromAccount: "aus dem Bürgerkonto", noSnapshot: "keine Daten weitergegeben",
    other: "English", open_: "Öffnen",
    citizenAuthor: "Bürger/in", caseworkerAuthor: "Sachbearbeitung", systemAuthor: "System", botAuthor: "Mingabot", internalNote: "intern",
    search: "Suche", searchHint: "Aktenzeichen, Name oder Text", connecting: "verbinde …", live: "aktualisiert sich selbst", offline: "keine Live-Verbindung – neu laden",
    shortcuts: "Tastenkürzel", shortcutHelp: "Alt+Umschalt+N nächster Fall, Alt+Umschalt+C übernehmen, Alt+Umschalt+A Antwort schreiben",
    timeLeft: "Frist", template: "Textvorlage", useTemplate: "Einfügen", noTemplate: "– keine Vorlage –", unread: "neue Nachricht(en)",
    left: "noch {t}", overdue: "{t} überfällig", days: "{n} T.", hours: "{n} Std.", minutes: "{n} Min.", waiting: "keine Frist",
    newCase: "Neuer Fall {ref} in der Warteschlange", changedCase: "Fall {ref}: {change}",
    "change.new": "neu", "change.claimed": "übernommen", "change.released": "zurückgegeben", "change.transferred": "abgegeben", "change.breached": "Frist überschritten",
    "change.citizen-wrote": "neue Nachricht der Bürgerin / des Bürgers", "change.answered": "beantwortet", "change.resolved": "erledigt",
    "priority.normal": "normal", "priority.high": "hoch", "priority.urgent": "dringend",
    "field.givenName": "Vorname", "field.familyName": "Nachname", "field.name": "Name", "field.email": "E-Mail", "field.phone": "Telefon",
    "field.address": "Anschrift", "field.birthDate": "Geburtsdatum", "field.street": "Straße", "field.houseNumber": "Hausnummer",
    "field.postalCode": "Postleitzahl", "field.city": "Ort", "field.preferredLanguage": "bevorzugte Sprache",
    "action.opened": "eröffnet", "action.claimed": "übernommen", "action.assigned": "zugewiesen", "action.released": "zurückgegeben", "action.noted": "interne Notiz",
    "action.replied": "geantwortet", "action.requested-info": "Rückfrage gestellt", "action.transferred": "abgegeben", "action.resolved": "erledigt",
    "action.citizen-wrote": "Nachricht der Bürgerin / des Bürgers", "action.citizen-answered": "Antwort der Bürgerin / des Bürgers",
    "action.sla-breached": "Frist überschritten", "action.anonymised": "anonymisiert",
  },
  en: {
    title: "Casework", logout: "Sign out", queue: "Queue", status: "Status", open: "open", "new": "new", "in-progress": "in progress",
    "waiting-for-citizen": "waiting for citizen", resolved: "resolved", language: "Language", unassigned: "unassigned", breaching: "past deadline",
    filter: "Show", next: "Take next case", reference: "Reference", department: "Office", priority: "Priority", due: "Deadline",
    assignee: "Assignee", claim: "Claim", release: "Release", transcript: "Chat transcript", citizen: "Bürgerkonto data (consented)",
    history: "History", messages: "Messages", reply: "Reply to the citizen", internal: "internal note (department only)", send: "Send",
    ask: "Question to the citizen", askButton: "Ask", transferTo: "Transfer to", reason: "Reason", transfer: "Transfer",
    resolution: "Resolution (the citizen sees it)", resolve: "Resolve", total: "cases", none: "No matching case in the queue.",
    signedInAs: "Signed in as", form: "Application", typed: "typed by the citizen, unchecked", fromAccount: "from the Bürgerkonto", noSnapshot: "no data passed on",
    other: "Deutsch", open_: "Open",
    citizenAuthor: "Citizen", caseworkerAuthor: "Caseworker", systemAuthor: "System", botAuthor: "Mingabot", internalNote: "internal",
    search: "Search", searchHint: "Reference, name or text", connecting: "connecting …", live: "updates by itself", offline: "no live connection – reload",
    shortcuts: "Keyboard shortcuts", shortcutHelp: "Alt+Shift+N next case, Alt+Shift+C claim, Alt+Shift+A write a reply",
    timeLeft: "Deadline", template: "Template", useTemplate: "Insert", noTemplate: "– no template –", unread: "new message(s)",
    left: "{t} left", overdue: "overdue by {t}", days: "{n} d", hours: "{n} h", minutes: "{n} min", waiting: "no deadline",
    newCase: "New case {ref} in the queue", changedCase: "Case {ref}: {change}",
    "change.new": "new", "change.claimed": "claimed", "change.released": "released", "change.transferred": "transferred", "change.breached": "past deadline",
    "change.citizen-wrote": "new message from the citizen", "change.answered": "answered", "change.resolved": "resolved",
    "priority.normal": "normal", "priority.high": "high", "priority.urgent": "urgent",
    "field.givenName": "Given name", "field.familyName": "Family name", "field.name": "Name", "field.email": "Email", "field.phone": "Phone",
    "field.address": "Address", "field.birthDate": "Date of birth", "field.street": "Street", "field.houseNumber": "House number",
    "field.postalCode": "Postcode", "field.city": "City", "field.preferredLanguage": "Preferred language",
    "action.opened": "opened", "action.claimed": "claimed", "action.assigned": "assigned", "action.released": "released", "action.noted": "internal note",
    "action.replied": "replied", "action.requested-info": "asked the citizen", "action.transferred": "transferred", "action.resolved": "resolved",
    "action.citizen-wrote": "message from the citizen", "action.citizen-answered": "answer from the citizen",
    "action.sla-breached": "past deadline", "action.anonymised": "anonymised",
  },
});

const $ = id => document.getElementById(id);
const { el, t, api } = MucGov;
let current = null;
let lastPage = null;
let refresh = null;

// A text with {placeholders} filled.
const fill = (key, values) => t(key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
// A known key's label, else the raw value (a field or action the console does not know yet stays readable).
const label = (prefix, value) => { const text = t(prefix + value); return text === prefix + value ? value : text; };
const languageName = code => (MucGov.languages.find(l => l.code === code) || {}).name || code;

// The deadline as time left ("noch 2 Std. 5 Min.") or overdue; the exact time is in the title.
function timeLeft(iso) {
  if (!iso) return t("waiting");
  const minutes = Math.round((new Date(iso) - Date.now()) / 60000);
  const span = Math.abs(minutes), d = Math.floor(span / 1440), h = Math.floor(span % 1440 / 60), m = span % 60;
  const parts = [d ? fill("days", { n: d }) : null, h ? fill("hours", { n: h }) : null, !d && (m || !h) ? fill("minutes", { n: m }) : null].filter(Boolean).join(" ");
  return fill(minutes < 0 ? "overdue" : "left", { t: parts });
}

function fail(error) { MucGov.showError($("error"), error); }

async function loadQueue() {
  fail(null);
  const query = new URLSearchParams({ status: $("status").value });
  if ($("q").value.trim()) query.set("q", $("q").value.trim());
  if ($("language").value.trim()) query.set("language", $("language").value.trim());
  if ($("unassigned").checked) query.set("unassigned", "true");
  if ($("breaching").checked) query.set("breaching", "true");
  try {
    lastPage = await api("/api/queue?" + query);
    renderQueue();
  } catch (error) { fail(error); }
}

function renderQueue() {
  const page = lastPage;
  if (!page) return;
  $("queue").replaceChildren(...page.items.map(item => el("tr", { class: item.unreadCitizenMessages ? "unread" : null },
    el("td", {}, el("button", { type: "button", class: "link", text: item.reference, onclick: () => openCase(item.id) }),
      item.unreadCitizenMessages ? el("span", { class: "badge", text: `${item.unreadCitizenMessages} ${t("unread")}` }) : null),
    el("td", { text: item.citizenName || "–" }),
    el("td", { text: t(item.status) }), el("td", { text: item.departmentName || item.departmentId }), el("td", { text: languageName(item.language) }),
    el("td", { text: label("priority.", item.priority) }),
    el("td", {}, el("span", { class: item.breaching ? "badge breaching" : "badge", title: MucGov.when(item.slaDueAt), text: timeLeft(item.slaDueAt) })),
    el("td", { text: item.assignee || "–" }))));
  $("total").textContent = page.items.length ? `${page.total} ${t("total")}` : t("none");
}

// The queue reloads at most twice a second however many changes arrive.
function reloadSoon() {
  if (refresh) return;
  refresh = setTimeout(() => { refresh = null; loadQueue(); }, 500);
}

// The live queue: "ready" on every (re)connect reloads the whole queue; each change reloads it and is announced.
function listen() {
  const stream = new EventSource("/api/queue/events");
  stream.addEventListener("ready", () => { $("live-state").textContent = t("live"); $("live-state").className = "badge live"; reloadSoon(); });
  stream.addEventListener("queue-changed", event => {
    const change = JSON.parse(event.data);
    $("live").textContent = change.change === "new" ? fill("newCase", { ref: change.reference })
      : fill("changedCase", { ref: change.reference, change: label("change.", change.change) });
    reloadSoon();
    if (current && current.id === change.caseId) openCase(current.id, { keepFocus: true });
  });
  stream.onerror = () => { $("live-state").textContent = t("offline"); $("live-state").className = "badge breaching"; };
}

async function openCase(id, { keepFocus = false } = {}) {
  fail(null);
  try {
    const switched = !current || current.id !== id;
    current = await api(`/api/cases/${id}`);
    const c = current;
    $("case").hidden = false;
    $("case-title").textContent = `${c.reference} – ${t(c.status)}`;
    $("case-meta").textContent = [c.citizenName, c.departmentName || c.departmentId, await serviceTitle(c.serviceId), languageName(c.language), label("priority.", c.priority),
      `${t("due")}: ${timeLeft(c.slaDueAt)} (${MucGov.when(c.slaDueAt)})`, `${t("assignee")}: ${c.assignee || "–"}`].filter(Boolean).join(" · ");
    $("transcript").replaceChildren(...c.transcript.map(m => el("li", { class: "msg " + m.author },
      el("span", { class: "who", text: t(m.author + "Author") }), el("span", { text: m.text }))));
    const snapshot = Object.entries(c.citizen);
    $("snapshot").replaceChildren(...(snapshot.length ? snapshot.flatMap(([k, v]) => [el("dt", { text: label("field.", k) }), el("dd", { text: v })])
      : [el("dd", { text: t("noSnapshot") })]));
    // An application's form: the confirmed fields as label and value, in form order, each with where it comes from.
    const source = f => f.source === "typed" ? ` (${t("typed")})` : f.source === "buergerkonto" ? ` (${t("fromAccount")})` : "";
    $("form-data").replaceChildren(...(c.form ? [el("h3", { text: t("form") }),
      el("dl", { class: "form" }, ...c.form.flatMap(f => [el("dt", { text: f.label }), el("dd", { text: f.value + source(f) })]))] : []));
    $("case-messages").replaceChildren(...c.messages.map(m => el("li", { class: "msg " + (m.internal ? "internal" : m.author) },
      el("span", { class: "who", text: `${m.authorName || t(m.author + "Author")}${m.internal ? " · " + t("internalNote") : ""} · ${MucGov.when(m.createdAt)}` }),
      el("span", { text: m.text }))));
    $("history").replaceChildren(...c.history.map(h => el("li", {
      text: `${MucGov.when(h.at)} ${h.actorName || h.actor}: ${label("action.", h.action)}${h.fromStatus ? ` (${t(h.fromStatus)} → ${t(h.toStatus)})` : ""}${
        h.detail ? " – " + h.detail : ""}` })));
    if (switched) await loadTemplates(id);
    if (!keepFocus) $("case-title").focus();
  } catch (error) { fail(error); }
}

// A catalog service's title in the console's language (the case holds its id); the id when the catalog does not answer.
const serviceTitles = {};
async function serviceTitle(id) {
  if (!id) return null;
  const key = `${MucGov.language}:${id}`;
  if (!(key in serviceTitles)) {
    try { serviceTitles[key] = (await api(`/api/knowledge/services/${encodeURIComponent(id)}?lang=${MucGov.language}`)).title || id; }
    catch (error) { serviceTitles[key] = id; }
  }
  return serviceTitles[key];
}

// The department's templates, filled for this case in its language; "Einfügen" puts the chosen one into the reply.
async function loadTemplates(id) {
  let templates = [];
  try { templates = await api(`/api/cases/${id}/templates`); } catch (error) { fail(error); }
  $("template").replaceChildren(el("option", { value: "", text: t("noTemplate") }),
    ...templates.map((tpl, i) => el("option", { value: String(i), text: `${tpl.name} (${languageName(tpl.language)})` })));
  $("template").templates = templates;
  $("use-template").disabled = templates.length === 0;
}

function useTemplate() {
  const chosen = ($("template").templates || [])[Number($("template").value)];
  if (!$("template").value || !chosen) return;
  const box = $("reply-text");
  box.value = box.value ? `${box.value}\n${chosen.text}` : chosen.text;
  box.focus();
}

// Shortcuts with Alt+Shift (never a single key, WCAG 2.1.4), and switchable off.
function onShortcut(event) {
  if (!$("shortcuts").checked || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
  const key = event.code;
  if (key === "KeyN") { event.preventDefault(); $("next").click(); }
  else if (key === "KeyC" && current) { event.preventDefault(); $("claim").click(); }
  else if (key === "KeyA" && current) { event.preventDefault(); $("reply-text").focus(); }
}

async function act(path, body) {
  fail(null);
  try {
    await api(`/api/cases/${current.id}/${path}`, { method: "POST", body: body || {} });
    await openCase(current.id);
    await loadQueue();
    return true;
  } catch (error) { fail(error); return false; }
}

function onSubmit(id, handler) {
  $(id).addEventListener("submit", async event => {
    event.preventDefault();
    if (await handler()) event.target.reset();
  });
}

async function init() {
  await MucGov.loadLanguages();
  if (!["de", "en"].includes(MucGov.language)) MucGov.setLanguage("de");
  MucGov.applyTexts();
  $("lang").textContent = t("other");
  $("lang").addEventListener("click", () => { MucGov.setLanguage(MucGov.language === "de" ? "en" : "de"); $("lang").textContent = t("other"); loadQueue(); });
  const user = await api("/bff/user");
  $("logout").href = user.logoutUrl;
  if (user.languages.length) $("language").placeholder = user.languages.join(",");
  let names = {};
  try {
    const departments = await api(`/api/knowledge/departments?lang=${MucGov.language}`);
    names = Object.fromEntries(departments.map(d => [d.id, d.name]));
    $("transfer-to").replaceChildren(...departments.map(d => el("option", { value: d.id, text: d.name })));
  } catch (error) { fail(error); }
  $("who").textContent = `${t("signedInAs")} ${user.name || ""} (${user.departments.map(d => names[d] || d).join(", ")})`;
  $("filters").addEventListener("submit", event => { event.preventDefault(); loadQueue(); });
  $("next").addEventListener("click", async () => {
    fail(null);
    try {
      const taken = await api("/api/queue/next", { method: "POST" });
      if (taken) { await openCase(taken.id); } else { $("total").textContent = t("none"); }
      await loadQueue();
    } catch (error) { fail(error); }
  });
  $("claim").addEventListener("click", () => act("claim"));
  $("use-template").addEventListener("click", useTemplate);
  $("shortcuts").checked = localStorage.getItem("mucgov.shortcuts") !== "off";
  $("shortcuts").addEventListener("change", () => localStorage.setItem("mucgov.shortcuts", $("shortcuts").checked ? "on" : "off"));
  document.addEventListener("keydown", onShortcut);
  setInterval(renderQueue, 60000);
  $("release").addEventListener("click", () => act("release"));
  onSubmit("reply", () => act("messages", { text: $("reply-text").value, internal: $("internal").checked }));
  onSubmit("ask", () => act("request-info", { text: $("ask-text").value }));
  onSubmit("transfer", () => act("transfer", { departmentId: $("transfer-to").value, reason: $("transfer-reason").value }));
  onSubmit("resolve", () => act("resolve", { resolution: $("resolution").value }));
  await loadQueue();
  listen();
}

document.addEventListener("DOMContentLoaded", init);

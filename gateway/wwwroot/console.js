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
  },
});

const $ = id => document.getElementById(id);
const { el, t, api } = MucGov;
let current = null;

function fail(error) { MucGov.showError($("error"), error); }

async function loadQueue() {
  fail(null);
  const query = new URLSearchParams({ status: $("status").value });
  if ($("language").value.trim()) query.set("language", $("language").value.trim());
  if ($("unassigned").checked) query.set("unassigned", "true");
  if ($("breaching").checked) query.set("breaching", "true");
  try {
    const page = await api("/api/queue?" + query);
    $("queue").replaceChildren(...page.items.map(item => el("tr", {},
      el("td", {}, el("button", { type: "button", class: "link", text: item.reference, onclick: () => openCase(item.id) })),
      el("td", { text: t(item.status) }), el("td", { text: item.departmentId }), el("td", { text: item.language }),
      el("td", { text: item.priority }),
      el("td", {}, el("span", { class: item.breaching ? "badge breaching" : "badge", text: MucGov.when(item.slaDueAt) })),
      el("td", { text: item.assignee || "–" }))));
    $("total").textContent = page.items.length ? `${page.total} ${t("total")}` : t("none");
  } catch (error) { fail(error); }
}

async function openCase(id) {
  fail(null);
  try {
    current = await api(`/api/cases/${id}`);
    const c = current;
    $("case").hidden = false;
    $("case-title").textContent = `${c.reference} – ${t(c.status)}`;
    $("case-meta").textContent = [c.departmentId, c.serviceId, c.language, c.priority, `${t("due")}: ${MucGov.when(c.slaDueAt)}`,
      `${t("assignee")}: ${c.assignee || "–"}`].filter(Boolean).join(" · ");
    $("transcript").replaceChildren(...c.transcript.map(m => el("li", { class: "msg " + m.author },
      el("span", { class: "who", text: t(m.author + "Author") }), el("span", { text: m.text }))));
    const snapshot = Object.entries(c.citizen);
    $("snapshot").replaceChildren(...(snapshot.length ? snapshot.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]) : [el("dd", { text: t("noSnapshot") })]));
    // An application's form: the confirmed fields as label and value, in form order, each with where it comes from.
    const source = f => f.source === "typed" ? ` (${t("typed")})` : f.source === "buergerkonto" ? ` (${t("fromAccount")})` : "";
    $("form-data").replaceChildren(...(c.form ? [el("h3", { text: t("form") }),
      el("dl", { class: "form" }, ...c.form.flatMap(f => [el("dt", { text: f.label }), el("dd", { text: f.value + source(f) })]))] : []));
    $("case-messages").replaceChildren(...c.messages.map(m => el("li", { class: "msg " + (m.internal ? "internal" : m.author) },
      el("span", { class: "who", text: `${m.authorName || t(m.author + "Author")}${m.internal ? " · " + t("internalNote") : ""} · ${MucGov.when(m.createdAt)}` }),
      el("span", { text: m.text }))));
    $("history").replaceChildren(...c.history.map(h => el("li", {
      text: `${MucGov.when(h.at)} ${h.actorName || h.actor}: ${h.action}${h.fromStatus ? ` (${h.fromStatus} → ${h.toStatus})` : ""}${h.detail ? " – " + h.detail : ""}` })));
    $("case-title").focus();
  } catch (error) { fail(error); }
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
  MucGov.applyTexts();
  $("lang").textContent = t("other");
  $("lang").addEventListener("click", () => { MucGov.setLanguage(MucGov.language === "de" ? "en" : "de"); $("lang").textContent = t("other"); loadQueue(); });
  const user = await api("/bff/user");
  $("who").textContent = `${t("signedInAs")} ${user.name || ""} (${user.departments.join(", ")})`;
  $("logout").href = user.logoutUrl;
  if (user.languages.length) $("language").placeholder = user.languages.join(",");
  try {
    const departments = await api(`/api/knowledge/departments?lang=${MucGov.language}`);
    $("transfer-to").replaceChildren(...departments.map(d => el("option", { value: d.id, text: d.name })));
  } catch (error) { fail(error); }
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
  $("release").addEventListener("click", () => act("release"));
  onSubmit("reply", () => act("messages", { text: $("reply-text").value, internal: $("internal").checked }));
  onSubmit("ask", () => act("request-info", { text: $("ask-text").value }));
  onSubmit("transfer", () => act("transfer", { departmentId: $("transfer-to").value, reason: $("transfer-reason").value }));
  onSubmit("resolve", () => act("resolve", { resolution: $("resolution").value }));
  await loadQueue();
}

document.addEventListener("DOMContentLoaded", init);

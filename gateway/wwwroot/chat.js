// The citizen chat: Mingabot with live updates (Server-Sent Events), consent dialog, "my cases".
"use strict";

MucGov.addTexts({
  de: {
    title: "Mingabot – Ihr Chat mit der Stadt München", login: "Mit Bürgerkonto anmelden", logout: "Abmelden", chat: "Chat",
    intro: "Fragen Sie Mingabot nach Leistungen der Stadt – angemeldet oder anonym.", start: "Chat starten", yourMessage: "Ihre Nachricht",
    placeholder: "z. B. Wo bekomme ich einen neuen Personalausweis?", sendButton: "Senden", myCases: "Meine Anliegen", refresh: "Aktualisieren",
    reference: "Aktenzeichen", status: "Status", department: "Stelle", updated: "Zuletzt", consentTitle: "Weitergabe an die Stadt",
    signedInAs: "Angemeldet als", you: "Sie", bot: "Mingabot", caseworker: "Sachbearbeitung", system: "Hinweis", resolution: "Ergebnis", download: "Dokument herunterladen (PDF)",
    "new": "neu", "in-progress": "in Bearbeitung", "waiting-for-citizen": "wartet auf Sie", "resolved": "erledigt", other: "English",
    signinFailed: "Die Anmeldung hat nicht geklappt. Versuchen Sie es bitte noch einmal – oder chatten Sie anonym weiter.",
    atAGlance: "Auf einen Blick", openUntil: "Jetzt geöffnet, bis", opensAt: "Geschlossen, öffnet wieder",
  },
  en: {
    title: "Mingabot – your chat with the City of Munich", login: "Sign in with your Bürgerkonto", logout: "Sign out", chat: "Chat",
    intro: "Ask Mingabot about the city's services – signed in or anonymously.", start: "Start chat", yourMessage: "Your message",
    placeholder: "e.g. Where do I get a new ID card?", sendButton: "Send", myCases: "My cases", refresh: "Refresh",
    reference: "Reference", status: "Status", department: "Office", updated: "Last change", consentTitle: "Passing on to the city",
    signedInAs: "Signed in as", you: "You", bot: "Mingabot", caseworker: "Caseworker", system: "Note", resolution: "Resolution", download: "Download the document (PDF)",
    "new": "new", "in-progress": "in progress", "waiting-for-citizen": "waiting for you", "resolved": "resolved", other: "Deutsch",
    signinFailed: "Signing in did not work. Please try again – or go on chatting anonymously.",
    atAGlance: "At a glance", openUntil: "Open now, until", opensAt: "Closed, opens again",
  },
});

const state = { conversation: sessionStorage.getItem("mucgov.conversation"), seen: new Set(), stream: null, user: null };
const $ = id => document.getElementById(id);
const { el, t, api } = MucGov;

function render(message) {
  if (state.seen.has(message.seq)) return;
  state.seen.add(message.seq);
  const item = el("li", { class: "msg " + message.author, "data-seq": message.seq },
    el("span", { class: "who", text: t(message.author === "citizen" ? "you" : message.author) + (message.caseReference ? " · " + message.caseReference : "") }),
    el("span", { class: "text", text: message.text }));
  const glance = blocks(message);
  if (glance) item.append(glance);
  // An issued document: offer the download (the link is built from the id only, never from the text as HTML).
  const documentPath = /\/api\/my\/documents\/[0-9a-f-]{36}/.exec(message.text || "");
  if (message.author === "system" && documentPath) {
    item.append(el("div", { class: "actions" }, el("a", { href: documentPath[0], download: "", class: "button", text: t("download") })));
  }
  if (message.actions && message.actions.length) {
    const actions = el("div", { class: "actions" });
    for (const action of message.actions) {
      actions.append(el("button", { type: "button", class: "secondary", text: action.label, onclick: () => send(action.label, action.id) }));
    }
    item.append(actions);
    if (message.actions.some(a => a.id.startsWith("consent:"))) openConsent(message);
  }
  const log = $("messages");
  const after = [...log.children].find(li => Number(li.dataset.seq) > message.seq);
  log.insertBefore(item, after || null);
  item.scrollIntoView({ block: "nearest" });
}

// A bot message's blocks as lists, facts and links below its complete text ("at a glance"): elements built from the data,
// never HTML from it; links only to http(s) addresses. A message with a block type this page does not know shows its text only.
const blockRenderers = {
  heading: b => el("h3", { text: b.text }),
  list: b => el(b.ordered ? "ol" : "ul", {}, ...b.items.map(item => el("li", { text: item }))),
  facts: b => el("dl", {}, ...b.items.flatMap(f => [el("dt", { text: f.label }), el("dd", { text: f.value })])),
  opening: b => el("p", { class: "opening", text: b.openNow
    ? `${t("openUntil")} ${b.closesAt ? time(b.closesAt) : ""}` : `${t("opensAt")} ${b.nextOpening ? time(b.nextOpening) : ""}` }),
  links: b => el("ul", { class: "links" }, ...b.items.filter(l => /^https?:\/\//.test(l.href) || /^\/(?!\/)/.test(l.href))
    .map(l => el("li", {}, el("a", { href: l.href, text: l.label, rel: "noopener noreferrer", target: "_blank" })))),
};

function blocks(message) {
  const list = message.blocks || [];
  if (message.author !== "bot" || list.length === 0 || !list.every(b => blockRenderers[b.type])) return null;
  return el("section", { class: "blocks", "aria-label": t("atAGlance") }, ...list.map(b => blockRenderers[b.type](b)));
}

function time(iso) {
  return new Date(iso).toLocaleString(document.documentElement.lang === "en" ? "en-GB" : "de-DE",
    { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });
}

function openConsent(message) {
  const dialog = $("consent");
  $("consent-text").textContent = message.text;
  const actions = $("consent-actions");
  actions.replaceChildren(...message.actions.map(action =>
    el("button", { type: "button", class: action.id === "consent:yes" ? "" : "secondary", text: action.label,
      onclick: () => { dialog.close(); send(action.label, action.id); } })));
  if (!dialog.open) dialog.showModal();
}

async function start() {
  MucGov.showError($("error"));
  try {
    const created = await api("/api/conversations", { method: "POST" });
    state.conversation = created.id;
    sessionStorage.setItem("mucgov.conversation", created.id);
    created.messages.forEach(render);
    listen();
    showChat();
  } catch (error) { MucGov.showError($("error"), error); }
}

async function resume() {
  try {
    const chat = await api(`/api/conversations/${state.conversation}`);
    chat.messages.forEach(render);
    listen();
    showChat();
  } catch (error) {
    sessionStorage.removeItem("mucgov.conversation");
    state.conversation = null;
  }
}

function showChat() {
  $("start").hidden = true;
  $("send").hidden = false;
  $("text").focus();
}

function listen() {
  if (state.stream) state.stream.close();
  // The session cookie goes along; the gateway adds the token or the anonymous chat's key.
  state.stream = new EventSource(`/api/conversations/${state.conversation}/events`);
  state.stream.onmessage = event => {
    const message = JSON.parse(event.data);
    render(message);
    if (message.author !== "bot" && state.user && state.user.authenticated) loadCases();
  };
}

async function send(text, actionId) {
  MucGov.showError($("error"));
  if (!state.conversation) await start();
  if (!state.conversation) return;
  try {
    const answer = await api(`/api/conversations/${state.conversation}/messages`, {
      method: "POST", body: { text, clientMessageId: crypto.randomUUID(), actionId },
    });
    answer.messages.forEach(render);
  } catch (error) { MucGov.showError($("error"), error); }
}

async function loadCases() {
  try {
    const mine = await api("/api/my/cases");
    $("case-list").replaceChildren(...mine.items.map(c => el("tr", {},
      el("td", {}, el("button", { type: "button", class: "link", text: c.reference, onclick: () => showCase(c.reference) })),
      el("td", { text: t(c.status) }), el("td", { text: c.departmentName || c.departmentId }), el("td", { text: MucGov.when(c.updatedAt) }))));
  } catch (error) { MucGov.showError($("error"), error); }
}

async function showCase(reference) {
  const detail = await api(`/api/my/cases/${encodeURIComponent(reference)}`);
  const list = el("ol", { class: "log" }, ...detail.messages.map(m =>
    el("li", { class: "msg " + m.author }, el("span", { class: "who", text: m.from === "you" ? t("you") : m.from }), el("span", { text: m.text }))));
  $("case-detail").replaceChildren(
    el("h3", { text: `${detail.reference} – ${t(detail.status)}` }),
    detail.resolution ? el("p", {}, el("strong", { text: t("resolution") + ": " }), el("span", { text: detail.resolution })) : null,
    list);
}

async function init() {
  MucGov.applyTexts();
  $("lang").textContent = t("other");
  $("lang").addEventListener("click", () => { MucGov.setLanguage(MucGov.language === "de" ? "en" : "de"); $("lang").textContent = t("other"); });
  $("start").addEventListener("click", start);
  $("send").addEventListener("submit", event => {
    event.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    $("text").value = "";
    send(text);
  });
  $("refresh-cases").addEventListener("click", loadCases);
  // The gateway sends a browser back here when a sign-in was cancelled, refused or expired.
  if (new URLSearchParams(location.search).get("signin") === "failed") $("error").textContent = t("signinFailed");
  state.user = await api("/bff/user");
  if (state.user.authenticated) {
    $("login").hidden = true;
    $("logout").hidden = false;
    $("logout").href = state.user.logoutUrl;
    $("who").textContent = `${t("signedInAs")} ${state.user.name || ""}`;
    $("cases").hidden = false;
    loadCases();
  }
  if (state.conversation) await resume();
}

document.addEventListener("DOMContentLoaded", init);

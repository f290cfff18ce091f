// The citizen chat: Mingabot with live updates (Server-Sent Events), consent dialog, "my cases".
"use strict";

MucGov.addTexts({
  de: {
    title: "Mingabot – Ihr Chat mit der Stadt München", login: "Mit Bürgerkonto anmelden", logout: "Abmelden", chat: "Chat",
    intro: "Fragen Sie Mingabot nach Leistungen der Stadt – angemeldet oder anonym.", start: "Chat starten", yourMessage: "Ihre Nachricht",
    placeholder: "z. B. Wo bekomme ich einen neuen Personalausweis?", sendButton: "Senden", myCases: "Meine Anliegen", refresh: "Aktualisieren",
    reference: "Aktenzeichen", status: "Status", department: "Stelle", updated: "Zuletzt", consentTitle: "Weitergabe an die Stadt",
    signedInAs: "Angemeldet als", you: "Sie", bot: "Mingabot", caseworker: "Sachbearbeitung", system: "Hinweis", resolution: "Ergebnis", download: "Dokument herunterladen (PDF)",
    postfach: "Postfach", unread: "ungelesen", postfachEmpty: "Keine Nachrichten im Postfach.", from: "Von",
    "new": "neu", "in-progress": "in Bearbeitung", "waiting-for-citizen": "wartet auf Sie", "resolved": "erledigt",
    signinFailed: "Die Anmeldung hat nicht geklappt. Versuchen Sie es bitte noch einmal – oder chatten Sie anonym weiter.",
    atAGlance: "Auf einen Blick", openUntil: "Jetzt geöffnet, bis", opensAt: "Geschlossen, öffnet wieder", language: "Sprache",
  },
  en: {
    title: "Mingabot – your chat with the City of Munich", login: "Sign in with your Bürgerkonto", logout: "Sign out", chat: "Chat",
    intro: "Ask Mingabot about the city's services – signed in or anonymously.", start: "Start chat", yourMessage: "Your message",
    placeholder: "e.g. Where do I get a new ID card?", sendButton: "Send", myCases: "My cases", refresh: "Refresh",
    reference: "Reference", status: "Status", department: "Office", updated: "Last change", consentTitle: "Passing on to the city",
    signedInAs: "Signed in as", you: "You", bot: "Mingabot", caseworker: "Caseworker", system: "Note", resolution: "Resolution", download: "Download the document (PDF)",
    postfach: "Postfach (mailbox)", unread: "unread", postfachEmpty: "No messages in your Postfach.", from: "From",
    "new": "new", "in-progress": "in progress", "waiting-for-citizen": "waiting for you", "resolved": "resolved",
    signinFailed: "Signing in did not work. Please try again – or go on chatting anonymously.",
    atAGlance: "At a glance", openUntil: "Open now, until", opensAt: "Closed, opens again", language: "Language",
  },
  tr: {
    title: "Mingabot – Münih Belediyesi ile sohbetiniz", login: "Bürgerkonto ile giriş yapın", logout: "Çıkış yap", chat: "Sohbet",
    intro: "Mingabot'a belediyenin hizmetlerini sorun – giriş yaparak veya anonim olarak.", start: "Sohbeti başlat", yourMessage: "Mesajınız",
    placeholder: "ör. Yeni kimlik kartını nereden alabilirim?", sendButton: "Gönder", myCases: "Başvurularım", refresh: "Yenile",
    reference: "Dosya numarası", status: "Durum", department: "Birim", updated: "Son değişiklik", consentTitle: "Belediyeye iletme",
    signedInAs: "Giriş yapan:", you: "Siz", bot: "Mingabot", caseworker: "Memur", system: "Bilgi", resolution: "Sonuç", download: "Belgeyi indir (PDF)",
    postfach: "Posta kutusu (Postfach)", unread: "okunmadı", postfachEmpty: "Posta kutunuzda mesaj yok.", from: "Gönderen",
    "new": "yeni", "in-progress": "işlemde", "waiting-for-citizen": "sizi bekliyor", "resolved": "sonuçlandı",
    signinFailed: "Giriş yapılamadı. Lütfen tekrar deneyin – ya da anonim olarak sohbete devam edin.",
    atAGlance: "Bir bakışta", openUntil: "Şu anda açık, kapanış:", opensAt: "Kapalı, tekrar açılış:", language: "Dil",
  },
  uk: {
    title: "Mingabot – ваш чат з містом Мюнхен", login: "Увійти з Bürgerkonto", logout: "Вийти", chat: "Чат",
    intro: "Запитуйте Mingabot про послуги міста – з входом в обліковий запис або анонімно.", start: "Почати чат", yourMessage: "Ваше повідомлення",
    placeholder: "напр. Де отримати нове посвідчення особи?", sendButton: "Надіслати", myCases: "Мої звернення", refresh: "Оновити",
    reference: "Номер справи", status: "Статус", department: "Відомство", updated: "Остання зміна", consentTitle: "Передача до міста",
    signedInAs: "Ви увійшли як", you: "Ви", bot: "Mingabot", caseworker: "Працівник", system: "Примітка", resolution: "Результат",
    download: "Завантажити документ (PDF)",
    postfach: "Поштова скринька (Postfach)",
    unread: "непрочитане", postfachEmpty: "У скриньці немає повідомлень.", from: "Від",
    "new": "нове", "in-progress": "в роботі", "waiting-for-citizen": "чекає на вас", "resolved": "вирішено",
    signinFailed: "Не вдалося увійти. Спробуйте ще раз – або продовжуйте чат анонімно.",
    atAGlance: "Коротко", openUntil: "Зараз відчинено, до", opensAt: "Зачинено, відчиняється знову", language: "Мова",
  },
  ru: {
    title: "Mingabot – ваш чат с городом Мюнхен", login: "Войти через Bürgerkonto", logout: "Выйти", chat: "Чат",
    intro: "Спрашивайте Mingabot об услугах города – после входа или анонимно.", start: "Начать чат", yourMessage: "Ваше сообщение",
    placeholder: "напр. Где получить новое удостоверение личности?", sendButton: "Отправить", myCases: "Мои обращения", refresh: "Обновить",
    reference: "Номер дела", status: "Статус", department: "Ведомство", updated: "Последнее изменение", consentTitle: "Передача в город",
    signedInAs: "Вы вошли как", you: "Вы", bot: "Mingabot", caseworker: "Сотрудник", system: "Примечание", resolution: "Результат",
    download: "Скачать документ (PDF)",
    postfach: "Почтовый ящик (Postfach)",
    unread: "не прочитано", postfachEmpty: "В ящике нет сообщений.", from: "От",
    "new": "новое", "in-progress": "в работе", "waiting-for-citizen": "ждёт вашего ответа", "resolved": "решено",
    signinFailed: "Войти не удалось. Попробуйте ещё раз – или продолжайте чат анонимно.",
    atAGlance: "Кратко", openUntil: "Сейчас открыто, до", opensAt: "Закрыто, откроется", language: "Язык",
  },
  ar: {
    title: "Mingabot – محادثتك مع مدينة ميونخ", login: "تسجيل الدخول عبر Bürgerkonto", logout: "تسجيل الخروج", chat: "المحادثة",
    intro: "اسأل Mingabot عن خدمات المدينة – بعد تسجيل الدخول أو دون تسجيل الدخول.", start: "ابدأ المحادثة", yourMessage: "رسالتك",
    placeholder: "مثلًا: أين أحصل على بطاقة هوية جديدة؟", sendButton: "إرسال", myCases: "طلباتي", refresh: "تحديث",
    reference: "رقم الملف", status: "الحالة", department: "الجهة", updated: "آخر تغيير", consentTitle: "الإحالة إلى المدينة",
    signedInAs: "مسجّل الدخول باسم", you: "أنت", bot: "Mingabot", caseworker: "الموظف المختص", system: "ملاحظة", resolution: "النتيجة",
    download: "تنزيل المستند (PDF)",
    postfach: "صندوق البريد (Postfach)",
    unread: "غير مقروءة", postfachEmpty: "لا توجد رسائل في صندوق البريد.", from: "من",
    "new": "جديد", "in-progress": "قيد المعالجة", "waiting-for-citizen": "بانتظار ردك", "resolved": "تمت المعالجة",
    signinFailed: "لم ينجح تسجيل الدخول. يُرجى المحاولة مرة أخرى – أو تابع المحادثة دون تسجيل الدخول.",
    atAGlance: "نظرة سريعة", openUntil: "مفتوح الآن، حتى", opensAt: "مغلق، يفتح مجددًا", language: "اللغة",
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
    // Each message in its own language; dir=auto keeps an English answer readable on a right-to-left page.
    el("span", { class: "text", text: message.text, lang: message.language || undefined, dir: "auto" }));
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
  return new Date(iso).toLocaleString(MucGov.locale(),
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
    // The chat speaks the page's language (the picker's): the greeting and the answers are in it.
    const created = await api("/api/conversations", { method: "POST", body: { language: MucGov.language } });
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
    if (message.author !== "bot" && state.user && state.user.authenticated) {
      loadCases();
      // The Postfach copy travels on its own way (ticket → identity): look again shortly after.
      [0, 3000, 10000].forEach(delay => setTimeout(loadPostfach, delay));
    }
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

// The Bürgerkonto's Postfach: what the departments sent, also when the chat page was closed. Opening one marks it read.
async function loadPostfach() {
  try {
    const postfach = await api("/api/postfach");
    $("postfach-list").replaceChildren(...(postfach.messages.length ? postfach.messages.map(m => el("li", { class: m.read ? "read" : "unread" },
      el("button", { type: "button", class: "link", text: m.subject, onclick: () => openLetter(m) }),
      m.read ? null : el("strong", { class: "badge", text: " " + t("unread") }),
      el("br"), el("small", { text: `${t("from")} ${m.department} · ${m.reference} · ${MucGov.when(m.receivedAt)}` }))) : [el("li", { text: t("postfachEmpty") })]));
  } catch (error) { MucGov.showError($("error"), error); }
}

async function openLetter(message) {
  $("postfach-detail").replaceChildren(el("h4", { text: message.subject }), el("p", { class: "letter", text: message.body }),
    message.documentUrl ? el("a", { href: message.documentUrl, download: "", class: "button", text: t("download") }) : null);
  if (!message.read) {
    await api(`/api/postfach/${message.id}/read`, { method: "POST" });
    loadPostfach();
  }
}

async function showCase(reference) {
  const detail = await api(`/api/my/cases/${encodeURIComponent(reference)}`);
  const list = el("ol", { class: "log", tabindex: "0", "aria-label": `${detail.reference}: ${t("messagesLabel")}` }, ...detail.messages.map(m =>
    el("li", { class: "msg " + m.author }, el("span", { class: "who", text: m.from === "you" ? t("you") : m.from }), el("span", { text: m.text }))));
  $("case-detail").replaceChildren(
    el("h3", { text: `${detail.reference} – ${t(detail.status)}` }),
    detail.resolution ? el("p", {}, el("strong", { text: t("resolution") + ": " }), el("span", { text: detail.resolution })) : null,
    list);
}

async function init() {
  await MucGov.loadLanguages();
  MucGov.applyTexts();
  // Each language named in itself; choosing one sets the page's texts, direction and the next chat's language.
  const picker = $("lang");
  picker.replaceChildren(...MucGov.languages.map(l => el("option", { value: l.code, lang: l.code, dir: l.direction, text: l.name })));
  picker.value = MucGov.language;
  picker.addEventListener("change", () => MucGov.setLanguage(picker.value));
  $("start").addEventListener("click", start);
  $("send").addEventListener("submit", event => {
    event.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    $("text").value = "";
    send(text);
  });
  $("refresh-cases").addEventListener("click", () => { loadCases(); loadPostfach(); });
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
    loadPostfach();
  }
  if (state.conversation) await resume();
}

document.addEventListener("DOMContentLoaded", init);

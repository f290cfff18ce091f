// Shared by the chat and the console: calls through the gateway with the session cookie, texts in the page's language.
"use strict";

const MucGov = (() => {
  // The languages come from the gateway (/bff/languages, the one list in shared/Languages); German and English until it answers.
  let languages = [{ code: "de", name: "Deutsch", direction: "ltr", culture: "de-DE" }, { code: "en", name: "English", direction: "ltr", culture: "en-GB" }];
  let language = localStorage.getItem("mucgov.lang") || (navigator.language || "de").slice(0, 2).toLowerCase();
  const texts = {};

  // A text in the page's language, else in the language it is a voice of (Bavarian: German), else English, else German.
  function t(key) {
    for (const lang of [language, language === "bar" ? "de" : null, "en", "de"]) {
      if (lang && texts[lang] && texts[lang][key]) return texts[lang][key];
    }
    return key;
  }

  async function loadLanguages() {
    try {
      const response = await fetch("/bff/languages", { headers: { "Accept": "application/json" } });
      const list = response.ok ? await response.json() : null;
      if (Array.isArray(list) && list.length) languages = list;
    } catch (error) { /* the built-in two will do */ }
    if (!languages.some(l => l.code === language)) language = "de";
  }

  function addTexts(more) {
    for (const lang of Object.keys(more)) texts[lang] = Object.assign(texts[lang] || {}, more[lang]);
  }

  function applyTexts(root = document) {
    document.documentElement.lang = language;
    document.documentElement.dir = current().direction || "ltr";
    root.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll("[data-i18n-placeholder]").forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    root.querySelectorAll("[data-i18n-label]").forEach(el => { el.setAttribute("aria-label", t(el.dataset.i18nLabel)); });
  }

  function setLanguage(lang) { language = lang; localStorage.setItem("mucgov.lang", lang); applyTexts(); }

  // Every state-changing call carries X-CSRF: 1 (the gateway refuses cookie calls without it).
  async function api(path, options = {}) {
    const init = { method: options.method || "GET", headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (init.method !== "GET") init.headers["X-CSRF"] = "1";
    if (options.body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(options.body); }
    const response = await fetch(path, init);
    if (response.status === 204) return null;
    const type = response.headers.get("content-type") || "";
    const body = type.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || response.statusText);
      error.status = response.status;
      error.problem = body;
      throw error;
    }
    return body;
  }

  // Text from users is only ever set as textContent: never parsed as HTML.
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function showError(target, error) { target.textContent = error ? (error.message || String(error)) : ""; }

  function when(iso) {
    if (!iso) return "–";
    return new Date(iso).toLocaleString(locale(), { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Berlin" });
  }

  function current() { return languages.find(l => l.code === language) || {}; }

  function locale() { return current().culture || "de-DE"; }

  return { t, addTexts, applyTexts, setLanguage, loadLanguages, api, el, showError, when, locale, get language() { return language; }, get languages() { return languages; } };
})();

// Texts of every page's frame: the skip link and the footer.
MucGov.addTexts({
  de: { messagesLabel: "Nachrichten", skip: "Zum Inhalt springen", legal: "Rechtliches", accessibility: "Barrierefreiheit", easyGerman: "Leichte Sprache" },
  en: { messagesLabel: "Messages", skip: "Skip to content", legal: "Legal", accessibility: "Accessibility", easyGerman: "Leichte Sprache (easy German)" },
  tr: { messagesLabel: "Mesajlar", skip: "İçeriğe geç", legal: "Yasal bilgiler", accessibility: "Erişilebilirlik", easyGerman: "Leichte Sprache (kolay Almanca)" },
  uk: { messagesLabel: "Повідомлення", skip: "Перейти до змісту", legal: "Правова інформація", accessibility: "Доступність", easyGerman: "Leichte Sprache (проста німецька)" },
  ru: { messagesLabel: "Сообщения", skip: "Перейти к содержанию", legal: "Правовая информация", accessibility: "Доступность", easyGerman: "Leichte Sprache (простой немецкий)" },
  ar: { messagesLabel: "الرسائل", skip: "انتقل إلى المحتوى", legal: "معلومات قانونية", accessibility: "إمكانية الوصول", easyGerman: "Leichte Sprache (ألمانية مبسطة)" },
});

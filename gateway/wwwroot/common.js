// Shared by the chat and the console: calls through the gateway with the session cookie, texts in German and English.
"use strict";

const MucGov = (() => {
  let language = localStorage.getItem("mucgov.lang") || (navigator.language || "de").slice(0, 2);
  if (language !== "en") language = "de";
  const texts = {};

  function t(key) { return (texts[language] && texts[language][key]) || (texts.de && texts.de[key]) || key; }

  function addTexts(more) {
    for (const lang of Object.keys(more)) texts[lang] = Object.assign(texts[lang] || {}, more[lang]);
  }

  function applyTexts(root = document) {
    document.documentElement.lang = language;
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
    return new Date(iso).toLocaleString(language === "en" ? "en-GB" : "de-DE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Berlin" });
  }

  return { t, addTexts, applyTexts, setLanguage, api, el, showError, when, get language() { return language; } };
})();

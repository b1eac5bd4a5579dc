/* Shared by the review pages: calls to the JSON API with the clerk's name and, when the server asks for one
   (401), a token kept in this browser (localStorage) and sent as "Authorization: Bearer <token>". */
"use strict";
const Congvan = (() => {
  const TOKEN = "congvan.token", USER = "congvan.user";

  function headers(extra) {
    const h = Object.assign({}, extra || {});
    const token = localStorage.getItem(TOKEN);
    const user = localStorage.getItem(USER);
    if (token) h["Authorization"] = "Bearer " + token;
    if (user) h["X-Congvan-User"] = encodeURIComponent(user);  // headers are Latin-1: the name goes %-encoded
    return h;
  }

  /* Ask for a token in the page's dialog; resolves true when one was given. Requests refused at the same
     time share the one dialog. */
  let asking = null;
  function askToken() {
    if (asking) return asking;
    const dialog = document.getElementById("token-dialog");
    const input = document.getElementById("token-input");
    input.value = "";
    asking = new Promise((resolve) => {
      dialog.addEventListener("close", () => {
        const ok = dialog.returnValue === "ok" && input.value.trim() !== "";
        if (ok) localStorage.setItem(TOKEN, input.value.trim());
        asking = null;
        resolve(ok);
      }, { once: true });
      dialog.showModal();
    });
    return asking;
  }

  /* The error text of a failed response: FastAPI's "detail" (a string, or a list of field errors). */
  function detail(data, status) {
    if (data && typeof data.detail === "string") return data.detail;
    if (data && Array.isArray(data.detail)) {
      return data.detail.map((e) => (e.loc || []).slice(1).join(".") + ": " + e.msg).join("; ");
    }
    return "HTTP " + status;
  }

  /* fetch JSON from the API; on 401 asks for a token once and retries. Resolves {ok, status, data}. */
  async function api(method, url, body, retried) {
    const init = { method, headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }) };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(url, init);
    if (response.status === 401 && !retried && await askToken()) return api(method, url, body, true);
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { ok: response.ok, status: response.status, data, error: response.ok ? "" : detail(data, response.status) };
  }

  /* A file of the API (a page image, the original, a revision) as an object URL, fetched with the token (an
     <img src> or a link cannot send one); null when refused. */
  async function fileUrl(url, retried) {
    const response = await fetch(url, { headers: headers() });
    if (response.status === 401 && !retried && await askToken()) return fileUrl(url, true);
    return response.ok ? URL.createObjectURL(await response.blob()) : null;
  }

  /* A link to the API (a[data-api]) opens in a new tab what fileUrl fetched. */
  async function openApi(event) {
    event.preventDefault();
    const tab = window.open("about:blank", "_blank");  // opened now, while the click still allows it
    const url = await fileUrl(event.currentTarget.href);
    if (tab && url) tab.location.href = url;
    else if (tab) tab.close();
  }

  /* Upload one file (multipart field "file") with progress callbacks; resolves {ok, status, data, error}. */
  function upload(file, onProgress, retried) {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/v1/documents");
      for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = async () => {
        let data = null;
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
        if (xhr.status === 401 && !retried && await askToken()) { resolve(upload(file, onProgress, true)); return; }
        const ok = xhr.status >= 200 && xhr.status < 300;
        resolve({ ok, status: xhr.status, data, error: ok ? "" : detail(data, xhr.status) });
      };
      xhr.onerror = () => resolve({ ok: false, status: 0, data: null, error: "mất kết nối tới máy chủ" });
      const form = new FormData();
      form.append("file", file, file.name);
      xhr.send(form);
    });
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function vnDate(iso) {
    return iso ? iso.split("-").reverse().join("/") : "";
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const link of document.querySelectorAll("a[data-api]")) link.addEventListener("click", openApi);
    const reviewer = document.getElementById("reviewer");
    if (!reviewer) return;
    reviewer.value = localStorage.getItem(USER) || "";
    reviewer.addEventListener("change", () => localStorage.setItem(USER, reviewer.value.trim()));
  });

  return { api, upload, fileUrl, el, vnDate, askToken };
})();

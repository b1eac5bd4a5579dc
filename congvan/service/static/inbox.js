/* The inbox: the documents from GET /v1/inbox (filtered by the form's fields in the page's address); upload by
   drag-and-drop or file picker, one request per file, with progress and the reason for any refusal. */
"use strict";
(() => {
  const { api, el, upload, vnDate } = Congvan;
  const dropzone = document.getElementById("dropzone");
  const input = document.getElementById("file-input");
  const list = document.getElementById("uploads");

  const filters = document.getElementById("filters");
  const wanted = new URLSearchParams(location.search);

  function row(doc, states) {
    const deadline = [doc.overdue ? el("span", { class: "badge overdue", text: doc.overdue + " quá hạn" }) : null,
      doc.next_deadline ? " " + vnDate(doc.next_deadline) : null];
    return el("tr", { class: "doc state-" + doc.review_state, "data-id": doc.id },
      el("td", {}, el("a", { href: "/documents/" + encodeURIComponent(doc.id), text: doc.number || "(không số)" }),
        el("div", { class: "type", text: doc.type || "" })),
      el("td", { text: vnDate(doc.date) }),
      el("td", { text: doc.issuer || "" }),
      el("td", { class: "subject", text: doc.subject || "" }),
      el("td", { class: "num", text: doc.task_count }),
      el("td", { class: "num" + (doc.warning_count ? " warn" : ""), text: doc.warning_count }),
      el("td", {}, deadline),
      el("td", {}, el("span", { class: "badge " + doc.review_state, text: states[doc.review_state] })));
  }

  /* The table from GET /v1/inbox with the filters of the page's address. */
  async function refreshList() {
    const query = new URLSearchParams();
    for (const name of ["q", "state", "issuer", "due"]) if (wanted.get(name)) query.set(name, wanted.get(name));
    const result = await api("GET", "/v1/inbox?" + query);
    const count = document.getElementById("count");
    if (!result.ok) { count.textContent = "Không tải được danh sách: " + result.error; return; }
    const { documents, issuers, states } = result.data;
    const issuer = filters.elements.issuer;
    issuer.replaceChildren(issuer.options[0], ...issuers.map((name) => el("option", { value: name, text: name })));
    issuer.value = wanted.get("issuer") || "";
    const filtered = Array.from(query.keys()).length > 0;
    count.textContent = documents.length + " văn bản" + (filtered ? " khớp bộ lọc" : "");
    document.getElementById("clear-filters").hidden = !filtered;
    const body = document.getElementById("inbox-rows");
    body.replaceChildren(...documents.map((doc) => row(doc, states)));
    if (!documents.length) {
      body.append(el("tr", {}, el("td", { colspan: "8", class: "empty",
        text: "Chưa có văn bản nào" + (filtered ? " khớp bộ lọc." : ".") })));
    }
  }

  for (const name of ["q", "state", "due"]) filters.elements[name].value = wanted.get(name) || "";
  refreshList();

  async function send(files) {
    const jobs = Array.from(files).map((file) => {
      const bar = el("progress", { max: "1", value: "0" });
      const status = el("span", { class: "upload-status", text: "Đang gửi…" });
      const item = el("li", { class: "upload-item pending", "data-name": file.name },
        el("span", { class: "upload-name", text: file.name }), bar, status);
      list.prepend(item);
      return upload(file, (part) => {
        bar.value = part;
        if (part >= 1) status.textContent = "Đang đọc và trích xuất…";
      }).then((result) => {
        bar.value = 1;
        item.classList.remove("pending");
        if (result.ok) {
          const doc = result.data.document || {};
          item.classList.add("done");
          status.replaceChildren(result.status === 201 ? "Đã nhận: " : "Đã có trong hệ thống: ",
            el("a", { href: "/documents/" + result.data.id, text: doc.number || result.data.id }),
            ` (${(result.data.tasks || []).length} nhiệm vụ)`);
        } else {
          item.classList.add("refused");
          status.textContent = "Không nhận (" + (result.status || "lỗi mạng") + "): " + result.error;
        }
      });
    });
    await Promise.all(jobs);
    await refreshList();
  }

  input.addEventListener("change", () => { if (input.files.length) send(input.files); input.value = ""; });
  dropzone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") input.click(); });
  for (const name of ["dragenter", "dragover"]) {
    dropzone.addEventListener(name, (e) => { e.preventDefault(); dropzone.classList.add("over"); });
  }
  for (const name of ["dragleave", "drop"]) {
    dropzone.addEventListener(name, (e) => { e.preventDefault(); dropzone.classList.remove("over"); });
  }
  dropzone.addEventListener("drop", (e) => { if (e.dataTransfer.files.length) send(e.dataTransfer.files); });
})();

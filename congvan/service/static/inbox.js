/* The inbox: upload by drag-and-drop or file picker, one request per file, with progress and the reason for
   any refusal; the list is then refreshed from the server-rendered page. */
"use strict";
(() => {
  const { el, upload } = Congvan;
  const dropzone = document.getElementById("dropzone");
  const input = document.getElementById("file-input");
  const list = document.getElementById("uploads");

  async function refreshList() {
    const response = await fetch(location.href, { headers: { Accept: "text/html" } });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("inbox");
    if (fresh) document.getElementById("inbox").replaceWith(fresh);
  }

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

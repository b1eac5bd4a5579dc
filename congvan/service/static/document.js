/* A document's review: the original on one side (page images with the lines' boxes, or the text lines), the
   header fields and tasks on the other. Selecting a task marks its clause and evidence in the original; every
   field can be corrected; a save sends the whole corrected document (PUT /v1/documents/{id}). */
"use strict";
(() => {
  const { api, el, vnDate } = Congvan;
  const docId = document.body.dataset.docId;
  const base = "/v1/documents/" + encodeURIComponent(docId);
  const KINDS = { "": "(không rõ)", before: "trước ngày", by: "chậm nhất ngày", on: "đúng ngày",
    period_end: "trong kỳ (hết kỳ)", relative: "tương đối", ongoing: "thường xuyên" };
  const EVIDENCE = { lead: "Chủ trì", support: "Phối hợp", deadline: "Thời hạn" };
  const HEADER = [
    ["number", "Số, ký hiệu"], ["type", "Loại văn bản"], ["date", "Ngày ban hành", "date"],
    ["place", "Địa danh"], ["issuer", "Cơ quan ban hành", "agency"], ["parent_issuer", "Cơ quan chủ quản", "agency"],
    ["subject", "Trích yếu", "textarea"],
    ["urgency", "Độ khẩn", ["", "Khẩn", "Thượng khẩn", "Hỏa tốc"]],
    ["confidentiality", "Độ mật", ["", "Mật", "Tối mật", "Tuyệt mật"]],
    ["signer.authority", "Thẩm quyền ký", ["", "TM.", "KT.", "TL.", "TUQ.", "Q."]],
    ["signer.on_behalf_of", "Thay mặt / ký thay cho"], ["signer.title", "Chức vụ người ký"],
    ["signer.name", "Người ký"], ["recipients", "Kính gửi (mỗi dòng một nơi)", "lines"],
    ["distribution", "Nơi nhận (mỗi dòng một nơi)", "lines"],
  ];
  // Words of the pipeline's warnings, and the header field each one is about.
  const WARNING_FIELDS = [[/^signer/, "signer.name"], [/^date|date of issue/, "date"], [/^place/, "place"],
    [/^subject/, "subject"], [/^distribution/, "distribution"], [/^recipients/, "recipients"],
    [/number/, "number"], [/issuer/, "issuer"]];

  let doc = null, view = null, review = null;
  let selected = 0, editing = -1, busy = false;

  const $ = (id) => document.getElementById(id);
  const get = (obj, path) => path.split(".").reduce((o, k) => (o ? o[k] : undefined), obj);
  function set(obj, path, value) {
    const keys = path.split(".");
    const last = keys.pop();
    const target = keys.reduce((o, k) => (o[k] = o[k] || {}), obj);
    target[last] = value;
  }

  function status(text, kind) {
    const node = $("status");
    node.textContent = text;
    node.className = "status " + (kind || "");
  }

  async function load() {
    const [d, v, r, a] = await Promise.all([api("GET", base), api("GET", base + "/view"), api("GET", base + "/review"),
      api("GET", "/v1/agencies?document=" + encodeURIComponent(docId))]);
    if (!d.ok) { status("Không tải được văn bản: " + d.error, "error"); return; }
    doc = d.data; view = v.ok ? v.data : { format: "none", pages: [], lines: [], tasks: [] }; review = r.data;
    const label = [doc.document.type || "Văn bản", doc.document.number].filter(Boolean).join(" ");
    $("doc-label").textContent = label;
    document.title = label + " · congvan";
    $("agencies").replaceChildren(...(a.ok ? a.data : []).map((name) => el("option", { value: name })));
    renderOriginal();
    renderHeader();
    renderTasks();
    renderReview();
    select(Math.min(selected, doc.tasks.length - 1), false);
  }

  // -- the original -----------------------------------------------------------------------------------------

  function renderOriginal() {
    const box = $("original");
    box.replaceChildren();
    if (view.error) box.append(el("p", { class: "error", text: "Không đọc được tệp gốc: " + view.error }));
    const imaged = ["pdf", "image"].includes(view.format) && view.pages.length;
    if (imaged) {
      for (const page of view.pages) {
        const image = el("img", { alt: "Trang " + page.number });
        Congvan.fileUrl(`${base}/pages/${page.number}.png`).then((url) => { if (url) image.src = url; });
        const sheet = el("div", { class: "page", "data-page": page.number }, image);
        view.lines.forEach((line, i) => {
          if (line.page !== page.number || !line.box || !page.width) return;
          const [x0, top, x1, bottom] = line.box;
          sheet.append(el("div", { class: "line-box", "data-line": i, title: line.text,
            style: `left:${100 * x0 / page.width}%;top:${100 * top / page.height}%;` +
              `width:${100 * (x1 - x0) / page.width}%;height:${100 * (bottom - top) / page.height}%` }));
        });
        box.append(sheet);
      }
      if (!view.lines.length) {
        box.prepend(el("p", { class: "muted", text: "Bản quét không có lớp chữ: không tô được điều khoản trên ảnh." }));
      }
      return;
    }
    if (view.format === "clauses") {
      box.append(el("p", { class: "muted", text: "Tệp gốc không được lưu (văn bản nhận trước khi có trang kiểm tra): " +
        "hiển thị các điều khoản đã trích xuất." }));
    }
    const text = el("div", { class: "text-lines" });
    view.lines.forEach((line, i) => {
      if (i > 0 && line.page !== view.lines[i - 1].page) text.append(el("hr", { class: "page-break" }));
      text.append(el("div", { class: "line", "data-line": i, text: line.text }));
    });
    box.append(text);
  }

  /* Wrap the first occurrence of phrase (any case) in the line's unmarked text in <mark class="ev-KIND">. */
  function markText(node, phrase, kind) {
    const want = (phrase || "").toLocaleLowerCase("vi");
    if (!want) return;
    for (const text of Array.from(node.childNodes)) {
      if (text.nodeType !== Node.TEXT_NODE) continue;
      const at = text.data.toLocaleLowerCase("vi").indexOf(want);
      if (at < 0) continue;
      const hit = text.splitText(at);
      hit.splitText(phrase.length);
      hit.replaceWith(el("mark", { class: "ev-" + kind, text: hit.data }));
      return;
    }
  }

  function highlight(index, scroll) {
    for (const node of document.querySelectorAll("#original [data-line]")) {
      node.classList.remove("clause", "ev-lead", "ev-support", "ev-deadline");
      if (node.querySelector("mark")) node.textContent = node.textContent;
    }
    const marks = (view.tasks || [])[index];
    if (!marks) return;
    const nodes = (i) => document.querySelectorAll(`#original [data-line="${i}"]`);
    marks.lines.forEach((i) => nodes(i).forEach((n) => n.classList.add("clause")));
    for (const ev of marks.evidence) {
      ev.lines.forEach((i) => nodes(i).forEach((n) => {
        n.classList.add("ev-" + ev.kind);
        if (n.classList.contains("line")) markText(n, ev.text, ev.kind);
      }));
    }
    const first = marks.lines.length ? nodes(marks.lines[0])[0] : null;
    if (first && scroll) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  // -- header -----------------------------------------------------------------------------------------------

  function warningsFor(field) {
    return (doc.warnings || []).filter((w) => WARNING_FIELDS.some(([re, f]) => f === field && re.test(w)));
  }

  function confidence(field) {
    const table = doc.confidence || (doc.document && doc.document.confidence);
    const value = table && typeof table === "object" ? table[field] : undefined;
    return typeof value === "number" ? value : null;
  }

  function fieldInput(path, kind, value) {
    if (Array.isArray(kind)) {
      return el("select", { name: path }, kind.map((v) => el("option", { value: v, selected: v === (value || ""),
        text: v || "(không)" })));
    }
    if (kind === "textarea") return el("textarea", { name: path, rows: "2", text: value || "" });
    if (kind === "lines") return el("textarea", { name: path, rows: "2", text: (value || []).join("\n") });
    return el("input", { name: path, type: kind === "date" ? "date" : "text", value: value || "",
      list: kind === "agency" ? "agencies" : null });
  }

  function renderHeader() {
    const form = $("header-form");
    const d = doc.document;
    const general = (doc.warnings || []).filter((w) => !/^task /.test(w) &&
      !WARNING_FIELDS.some(([re]) => re.test(w)));
    $("warnings").replaceChildren(...general.map((w) => el("p", { class: "warning", text: "⚠ " + w })));
    form.replaceChildren(...HEADER.map(([path, label, kind]) => {
      const notes = warningsFor(path).map((w) => el("span", { class: "warning", text: "⚠ " + w }));
      const score = confidence(path);
      if (score !== null && score < 0.8) {
        notes.push(el("span", { class: "warning low", text: `Độ tin cậy thấp (${Math.round(score * 100)}%)` }));
      }
      return el("label", { class: "field" + (notes.length ? " flagged" : "") + (kind === "textarea" ||
        kind === "lines" ? " wide" : "") }, el("span", { text: label }), fieldInput(path, kind, get(d, path)), notes);
    }), el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: "Lưu thông tin" })));
  }

  function readHeader() {
    const form = $("header-form");
    for (const [path, , kind] of HEADER) {
      const raw = form.elements[path].value;
      const value = kind === "lines" ? raw.split("\n").map((s) => s.trim()).filter(Boolean) : raw.trim() || null;
      set(doc.document, path, value);
    }
  }

  // -- tasks ------------------------------------------------------------------------------------------------

  function taskWarnings(task) {
    return (doc.warnings || []).filter((w) => task.clause && w.startsWith(`task ${task.clause}:`));
  }

  function agencyLine(label, names) {
    return names && names.length ? el("div", { class: "row" }, el("span", { class: "key", text: label }),
      names.join("; ")) : null;
  }

  function taskCard(task, i) {
    const deadline = task.deadline || {};
    const lowFields = Object.entries(task.confidence || {}).filter(([, v]) => typeof v === "number" && v < 0.8);
    return el("li", { class: "task", "data-index": i, tabindex: "-1", onclick: () => select(i, true) },
      el("div", { class: "task-head" }, el("span", { class: "clause-label", text: task.clause || "–" }),
        el("strong", { class: "title", text: task.title || task.description || "(chưa có tên)" })),
      agencyLine("Chủ trì", task.lead),
      agencyLine("Phối hợp", task.support),
      deadline.date || deadline.text ? el("div", { class: "row deadline" }, el("span", { class: "key", text: "Thời hạn" }),
        deadline.date ? vnDate(deadline.date) : "", deadline.kind ? ` (${KINDS[deadline.kind]})` : "",
        deadline.text ? el("q", { text: deadline.text }) : null) : null,
      task.recurrence ? el("div", { class: "row" }, el("span", { class: "key", text: "Lặp lại" }), task.recurrence) : null,
      taskWarnings(task).map((w) => el("p", { class: "warning", text: "⚠ " + w })),
      lowFields.map(([f, v]) => el("p", { class: "warning low", text: `Độ tin cậy thấp: ${f} (${Math.round(v * 100)}%)` })),
      el("div", { class: "task-actions" },
        el("button", { type: "button", class: "edit", text: "Sửa (e)",
          onclick: (e) => { e.stopPropagation(); edit(i); } })));
  }

  function agencyRows(name, names) {
    const holder = el("div", { class: "agency-rows", "data-name": name });
    const add = (value) => holder.insertBefore(el("div", { class: "agency-row" },
      el("input", { name, type: "text", list: "agencies", value: value || "", "aria-label": name }),
      el("button", { type: "button", class: "remove", title: "Bỏ", text: "×",
        onclick: (e) => e.target.parentElement.remove() })), holder.lastChild);
    holder.append(el("button", { type: "button", class: "add-agency", text: "+ thêm cơ quan",
      onclick: () => add("") }));
    (names && names.length ? names : [""]).forEach(add);
    return holder;
  }

  function taskForm(task, i) {
    const deadline = task.deadline || {};
    const form = el("form", { class: "task-form", autocomplete: "off",
      onsubmit: (e) => { e.preventDefault(); saveTask(i, form); } },
      el("label", {}, "Tên nhiệm vụ", el("input", { name: "title", type: "text", value: task.title || "" })),
      el("label", {}, "Nội dung", el("textarea", { name: "description", rows: "3", text: task.description || "" })),
      el("label", { class: "short" }, "Điều khoản", el("input", { name: "clause", type: "text", value: task.clause || "" })),
      el("fieldset", {}, el("legend", { text: "Chủ trì" }), agencyRows("lead", task.lead)),
      el("fieldset", {}, el("legend", { text: "Phối hợp" }), agencyRows("support", task.support)),
      el("fieldset", { class: "deadline-fields" }, el("legend", { text: "Thời hạn" }),
        el("input", { name: "deadline_date", type: "date", value: deadline.date || "", "aria-label": "Ngày" }),
        el("select", { name: "deadline_kind", "aria-label": "Loại hạn" }, Object.entries(KINDS).map(([k, label]) =>
          el("option", { value: k, selected: k === (deadline.kind || ""), text: label }))),
        el("input", { name: "deadline_text", type: "text", value: deadline.text || "", placeholder: "câu chữ trong văn bản",
          "aria-label": "Câu chữ" })),
      el("label", { class: "short" }, "Lặp lại", el("input", { name: "recurrence", type: "text", list: "recurrences",
        value: task.recurrence || "" })),
      el("div", { class: "task-actions" },
        el("button", { type: "submit", class: "primary save", text: "Lưu (Enter)" }),
        el("button", { type: "button", class: "cancel", text: "Hủy (Esc)", onclick: cancelEdit }),
        el("button", { type: "button", class: "delete danger", text: "Xóa nhiệm vụ", onclick: () => deleteTask(i) })));
    return el("li", { class: "task editing selected", "data-index": i }, form);
  }

  function renderTasks() {
    const list = $("tasks");
    list.replaceChildren(...doc.tasks.map((task, i) => (i === editing ? taskForm(task, i) : taskCard(task, i))));
    if (!doc.tasks.length) list.append(el("li", { class: "muted", text: "Không có nhiệm vụ nào." }));
    const card = list.querySelector(`[data-index="${selected}"]`);
    if (card) card.classList.add("selected");
  }

  function select(index, scroll) {
    if (index < 0 || index >= doc.tasks.length) return;
    selected = index;
    for (const card of document.querySelectorAll("#tasks .task")) {
      card.classList.toggle("selected", Number(card.dataset.index) === index);
    }
    const card = document.querySelector(`#tasks [data-index="${index}"]`);
    if (card && scroll) { card.scrollIntoView({ block: "nearest" }); card.focus({ preventScroll: true }); }
    highlight(index, scroll);
  }

  function edit(index) {
    if (index < 0 || index >= doc.tasks.length) return;
    editing = index;
    selected = index;
    renderTasks();
    highlight(index, true);
    const first = document.querySelector("#tasks .editing input[name=title]");
    if (first) first.focus();
  }

  function cancelEdit() {
    if (doc.tasks[editing] && doc.tasks[editing]._new) doc.tasks.splice(editing, 1);
    editing = -1;
    renderTasks();
    select(Math.min(selected, doc.tasks.length - 1), false);
  }

  function readTask(form, task) {
    const value = (name) => form.elements[name].value.trim();
    const names = (name) => Array.from(form.querySelectorAll(`input[name=${name}]`)).map((x) => x.value.trim())
      .filter(Boolean);
    const deadline = { date: value("deadline_date") || null, kind: value("deadline_kind") || null,
      text: value("deadline_text") };
    const out = Object.assign({}, task, { title: value("title"), description: value("description"),
      clause: value("clause") || null, lead: names("lead"), support: names("support"),
      deadline: deadline.date || deadline.kind || deadline.text ? deadline : null,
      recurrence: value("recurrence") || null });
    delete out._new;
    return out;
  }

  async function saveTask(index, form) {
    const before = doc.tasks[index];
    doc.tasks[index] = readTask(form, before);
    if (await save()) { editing = -1; renderTasks(); select(index, false); } else { doc.tasks[index] = before; }
  }

  async function deleteTask(index) {
    const task = doc.tasks[index];
    if (!task._new && !confirm("Xóa nhiệm vụ «" + (task.title || task.clause || "") + "»?")) return;
    doc.tasks.splice(index, 1);
    editing = -1;
    if (task._new || await save()) { renderTasks(); select(Math.min(index, doc.tasks.length - 1), false); }
    else { doc.tasks.splice(index, 0, task); renderTasks(); }
  }

  function addTask() {
    let n = doc.tasks.length + 1;
    const ids = new Set(doc.tasks.map((t) => t.id));
    const stem = (doc.document.number || docId) + "#moi-";
    while (ids.has(stem + n)) n += 1;
    doc.tasks.push({ id: stem + n, clause: null, title: "", description: "", lead: [], support: [], deadline: null,
      recurrence: null, report_to: null, _new: true });
    edit(doc.tasks.length - 1);
  }

  // -- saving and review ------------------------------------------------------------------------------------

  async function save() {
    if (busy) return false;
    busy = true;
    status("Đang lưu…");
    try {
      const body = Object.assign({}, doc, { tasks: doc.tasks.map((t) => { const c = Object.assign({}, t); delete c._new; return c; }) });
      const result = await api("PUT", base, body);
      if (!result.ok) { status("Chưa lưu được: " + result.error, "error"); return false; }
      doc = result.data;
      const [v, r] = await Promise.all([api("GET", base + "/view"), api("GET", base + "/review")]);
      if (v.ok) view = v.data;
      if (r.ok) review = r.data;
      renderOriginal();
      renderHeader();
      renderReview();
      const last = review.revisions[review.revisions.length - 1];
      status(`Đã lưu (bản sửa ${last.revision}, ${last.author}, ${new Date(last.created_at).toLocaleTimeString("vi-VN")}).`, "ok");
      return true;
    } finally {
      busy = false;
    }
  }

  function renderReview() {
    const reviewed = review && review.state === "reviewed";
    const badge = $("review-state");
    badge.textContent = reviewed ? "Đã kiểm tra" : "Mới";
    badge.className = "badge " + (reviewed ? "reviewed" : "new");
    $("mark-reviewed").textContent = reviewed ? "Bỏ đánh dấu đã kiểm tra" : "Đã kiểm tra";
    const parts = [];
    if (reviewed) parts.push(` · Đã kiểm tra bởi ${review.reviewed_by}, ${new Date(review.reviewed_at).toLocaleString("vi-VN")}`);
    const edits = (review && review.revisions || []).filter((r) => r.revision > 0);
    if (edits.length) {
      const last = edits[edits.length - 1];
      parts.push(` · ${edits.length} lần sửa, lần cuối bởi ${last.author}, ${new Date(last.created_at).toLocaleString("vi-VN")}`);
    }
    $("history").textContent = parts.join("");
  }

  async function toggleReviewed() {
    const state = review && review.state === "reviewed" ? "new" : "reviewed";
    const result = await api("POST", base + "/review", { state });
    if (!result.ok) { status("Chưa đánh dấu được: " + result.error, "error"); return; }
    review = result.data;
    renderReview();
    status(state === "reviewed" ? "Đã đánh dấu: đã kiểm tra." : "Đã bỏ đánh dấu.", "ok");
  }

  // -- wiring -----------------------------------------------------------------------------------------------

  $("header-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const before = JSON.parse(JSON.stringify(doc.document));
    readHeader();
    if (!await save()) doc.document = before;
  });
  $("mark-reviewed").addEventListener("click", toggleReviewed);
  $("add-task").addEventListener("click", addTask);
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !doc) return;
    const typing = e.target.closest("input, textarea, select");
    if (e.key === "Escape" && editing >= 0) { e.preventDefault(); cancelEdit(); return; }
    if (typing) {
      if (e.key === "Enter" && e.target.tagName === "INPUT" && e.target.closest("#tasks")) {
        e.preventDefault();
        e.target.form.requestSubmit();
      }
      return;
    }
    if (e.key === "j") { e.preventDefault(); select(Math.min(selected + 1, doc.tasks.length - 1), true); }
    else if (e.key === "k") { e.preventDefault(); select(Math.max(selected - 1, 0), true); }
    else if (e.key === "e") { e.preventDefault(); edit(selected); }
  });
  load();
})();

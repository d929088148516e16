/* Review page of vbpl_extract: plain JavaScript, no build step, nothing loaded from outside. */
"use strict";

const state = {
  text: "",          // source text the spans index into
  graph: null,       // the task graph, edited in place
  fileName: "",
  current: -1,       // index of the selected task
  edited: new Set(), // ids of tasks changed by hand
  dirty: false,
  editing: -1,
  nextId: 1,
};

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

const KIND_LABELS = {
  date: "ngày", month: "tháng", quarter: "quý", half_year: "6 tháng", year: "năm", period: "giai đoạn",
  relative: "tính từ ngày ký", recurring: "định kỳ", ongoing: "thường xuyên",
};

/* ------------------------------------------------------------------ API */

const PROBLEMS_VI = {
  UnsupportedFormatError: "Định dạng tệp không được hỗ trợ (dùng .txt, .md, .html, .docx hoặc .pdf)",
  FileTooLargeError: "Tệp quá lớn",
  EmptyDocumentError: "Văn bản trống",
  EncodingError: "Không đọc được bảng mã chữ của tệp",
  CorruptFileError: "Tệp bị hỏng hoặc không đúng định dạng",
  EncryptedFileError: "Tệp được đặt mật khẩu",
  ScannedPdfError: "PDF là bản quét, không có lớp chữ (chưa hỗ trợ nhận dạng chữ)",
  DocumentTimeoutError: "Văn bản xử lý quá thời gian cho phép",
  ServerBusy: "Máy chủ đang bận, vui lòng thử lại sau ít phút",
  Unauthorized: "Thiếu hoặc sai khóa API",
};

function apiHeaders(extra = {}) {
  const key = sessionStorage.getItem("vbpl-api-key");
  return key ? { ...extra, "X-API-Key": key } : extra;
}

async function api(url, options = {}, retried = false) {
  const response = await fetch(url, { ...options, headers: apiHeaders(options.headers || {}) });
  if (response.status === 401 && !retried) {
    const key = window.prompt("Máy chủ yêu cầu khóa API (X-API-Key):");
    if (key) {
      sessionStorage.setItem("vbpl-api-key", key);
      return api(url, options, true);
    }
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      const vi = PROBLEMS_VI[problem.error_type];
      message = vi ? `${vi}. (Chi tiết: ${problem.detail || problem.title})` : `${problem.title || message}: ${problem.detail || ""}`;
    } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function say(message, kind = "info") {
  const box = $("#status");
  box.textContent = message;
  box.className = `status ${kind}`;
}

/* ------------------------------------------------------------------ loading */

async function loadFile(file) {
  if (!file) return;
  if (state.dirty && !window.confirm("Các chỉnh sửa chưa xuất sẽ mất. Mở văn bản khác?")) return;
  say(`Đang đọc và phân tích “${file.name}”…`, "busy");
  document.body.classList.add("busy");
  const form = new FormData();
  form.append("file", file, file.name);
  try {
    const response = await api("/v1/review", { method: "POST", body: form });
    const data = await response.json();
    state.text = data.text;
    state.graph = data.graph;
    state.fileName = file.name;
    state.current = -1;
    state.edited = new Set();
    state.dirty = false;
    showDocument();
    say(`Đã phân tích “${file.name}”: ${state.graph.tasks.length} nhiệm vụ. Bấm một dòng để xem đoạn văn bản gốc.`, "ok");
  } catch (error) {
    say(`Không đọc được “${file.name}”. ${error.message}`, "error");
  } finally {
    document.body.classList.remove("busy");
  }
}

function showDocument() {
  const d = state.graph.document;
  const parts = [
    [d.type, d.number].filter(Boolean).join(" số "),
    d.issuer && d.issuer.name,
    d.date && `ngày ${formatDate(d.date)}`,
    d.signer && `người ký: ${d.signer}`,
  ].filter(Boolean);
  $("#docinfo").textContent = parts.join(" · ") || state.fileName;
  if (d.title) $("#docinfo").title = d.title;
  $("#workspace").hidden = false;
  $("#welcome").hidden = true;
  $$("[data-export], #save-gold").forEach((b) => { b.disabled = false; });
  fillAgencyLists();
  renderSource();
  renderTable();
}

/* ------------------------------------------------------------------ helpers */

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso || "");
}

function names(list) {
  return [...new Set((list || []).map((a) => a.name))];
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function* walkNodes(nodes) {
  for (const n of nodes || []) {
    yield n;
    yield* walkNodes(n.children);
  }
}

function documentAgencies() {
  const seen = new Map();
  const add = (a) => {
    if (a && a.name && !seen.has(a.name.toLowerCase())) seen.set(a.name.toLowerCase(), a);
  };
  const g = state.graph;
  add(g.document.issuer);
  (g.agencies || []).forEach(add);
  for (const t of g.tasks) [...t.lead, ...t.coordinators, ...t.report_to].forEach(add);
  for (const n of walkNodes(g.structure)) (n.agencies || []).forEach(add);
  return seen;
}

function fillAgencyLists() {
  const agencies = [...documentAgencies().values()].map((a) => a.name).sort((a, b) => a.localeCompare(b, "vi"));
  const list = $("#agency-list");
  list.innerHTML = agencies.map((n) => `<option value="${escapeHtml(n)}">`).join("");
  for (const select of $$(".agency-field select")) {
    select.innerHTML = `<option value="">+ chọn cơ quan trong văn bản…</option>` +
      agencies.map((n) => `<option>${escapeHtml(n)}</option>`).join("");
  }
}

/* ------------------------------------------------------------------ source text */

function collectMarks() {
  const g = state.graph;
  const marks = []; // [start, end, cls]
  const add = (span, cls) => {
    if (span && span[1] > span[0]) marks.push([span[0], span[1], cls]);
  };
  for (const n of walkNodes(g.structure)) {
    (n.agencies || []).forEach((a) => add(a.span, "ag"));
    (n.deadlines || []).forEach((d) => add(d.span, "dl"));
  }
  for (const t of g.tasks) {
    [...t.lead, ...t.coordinators, ...t.report_to].forEach((a) => add(a.span, "ag"));
    if (t.deadline) add(t.deadline.span, "dl");
  }
  for (const r of g.references || []) (r.mentions || []).forEach((m) => add(m.span, "ref"));
  return marks;
}

function renderSource() {
  // display only: a hard line break inside a sentence (next line starts in lower case) is shown as a
  // space, so wrapped lines read as one paragraph; same length, so offsets are unchanged
  // (but not before a point marker such as "c)" or "đ.")
  const text = state.text.replace(/(?<!\n)\n(?=\p{Ll}(?![).]))/gu, " ");
  const tasks = state.graph.tasks;
  const marks = collectMarks();
  const points = new Set([0, text.length]);
  tasks.forEach((t) => { points.add(t.span[0]); points.add(t.span[1]); });
  marks.forEach((m) => { points.add(m[0]); points.add(m[1]); });
  const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  // events: which tasks / marks start and end at each cut
  const starts = new Map();
  const ends = new Map();
  const push = (map, key, value) => { if (!map.has(key)) map.set(key, []); map.get(key).push(value); };
  tasks.forEach((t, i) => { push(starts, t.span[0], ["t", i]); push(ends, t.span[1], ["t", i]); });
  marks.forEach((m) => { push(starts, m[0], ["m", m[2]]); push(ends, m[1], ["m", m[2]]); });
  const active = new Set();
  const count = { ag: 0, dl: 0, ref: 0 };
  const html = [];
  for (let k = 0; k < cuts.length - 1; k++) {
    const at = cuts[k];
    for (const [kind, v] of ends.get(at) || []) { if (kind === "t") active.delete(v); else count[v]--; }
    for (const [kind, v] of starts.get(at) || []) { if (kind === "t") active.add(v); else count[v]++; }
    const end = cuts[k + 1];
    const piece = text.slice(at, end);
    const cls = [];
    let data = "";
    if (active.size) {
      const ids = [...active].sort((a, b) => a - b);
      const own = ids[ids.length - 1];
      cls.push("t", own % 2 ? "t1" : "t0");
      data = ` data-tasks="${ids.join(" ")}"`;
      const startsHere = (starts.get(at) || []).filter(([kind, v]) => kind === "t" && v === own).length;
      if (startsHere) {
        cls.push("tstart");
        data += ` data-n="${own + 1}"`;
      }
    }
    if (count.ag > 0) cls.push("ag");
    if (count.dl > 0) cls.push("dl");
    if (count.ref > 0) cls.push("ref");
    html.push(`<span data-s="${at}"${cls.length ? ` class="${cls.join(" ")}"` : ""}${data}>${escapeHtml(piece)}</span>`);
  }
  $("#source").innerHTML = html.join("");
  if (state.current >= 0) markCurrent(false);
}

function taskSegments(i) {
  return $$(`#source span[data-tasks]`).filter((s) => s.dataset.tasks.split(" ").includes(String(i)));
}

function markCurrent(scrollSource = true) {
  $$("#source .cur").forEach((s) => s.classList.remove("cur"));
  $$("#tasks tbody tr.cur").forEach((r) => { r.classList.remove("cur"); r.removeAttribute("aria-selected"); });
  const i = state.current;
  if (i < 0) return;
  const segs = taskSegments(i);
  segs.forEach((s) => s.classList.add("cur"));
  const row = $(`#tasks tbody tr[data-index="${i}"]`);
  if (row) { row.classList.add("cur"); row.setAttribute("aria-selected", "true"); }
  if (scrollSource && segs.length) segs[0].scrollIntoView({ block: "center", inline: "nearest" });
  return row;
}

function selectTask(i, from) {
  state.current = i;
  const row = markCurrent(from !== "source");
  if (from === "source" && row) row.scrollIntoView({ block: "center", inline: "nearest" });
}

/* ------------------------------------------------------------------ table */

function deadlineCell(d) {
  if (!d) return "";
  let s = escapeHtml(d.text || "");
  if (d.due) s += ` <span class="due">(${formatDate(d.due)})</span>`;
  else if (d.kind && !d.text) s += escapeHtml(KIND_LABELS[d.kind] || d.kind);
  return s;
}

function agencyCell(list) {
  return names(list).map((n) => `<span class="agency">${escapeHtml(n)}</span>`).join("");
}

function shorten(text, n = 200) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function renderTable() {
  const tasks = state.graph.tasks;
  const query = $("#filter").value.trim().toLowerCase();
  const show = $("#show").value;
  const rows = [];
  tasks.forEach((t, i) => {
    const hay = [t.text, ...names(t.lead), ...names(t.coordinators), ...names(t.report_to), t.product || ""]
      .join(" ").toLowerCase();
    const edited = state.edited.has(t.id);
    const hidden = (query && !hay.includes(query)) || (show === "no-lead" && t.lead.length) ||
      (show === "no-deadline" && t.deadline) || (show === "edited" && !edited);
    rows.push(`<tr data-index="${i}" tabindex="0"${hidden ? " hidden" : ""}${edited ? ' class="edited"' : ""}>
      <td class="c-tt">${i + 1}${edited ? '<span class="tag" title="đã hiệu đính">đã sửa</span>' : ""}
        <button type="button" class="edit" aria-label="Sửa nhiệm vụ ${i + 1}">Sửa</button>
        <button type="button" class="delete" aria-label="Xóa nhiệm vụ ${i + 1}">Xóa</button></td>
      <td class="c-text" data-field="f-text" title="${escapeHtml(t.text)}">${escapeHtml(shorten(t.text))}</td>
      <td class="c-ag" data-field="f-lead" data-label="Chủ trì">${agencyCell(t.lead)}</td>
      <td class="c-ag" data-field="f-coord" data-label="Phối hợp">${agencyCell(t.coordinators)}</td>
      <td class="c-ag" data-field="f-report" data-label="Báo cáo">${agencyCell(t.report_to)}</td>
      <td class="c-dl" data-field="f-dl-text" data-label="Thời hạn">${deadlineCell(t.deadline)}</td>
      <td class="c-prod" data-field="f-product" data-label="Sản phẩm">${escapeHtml(t.product || "")}</td>
      <td class="c-src" data-label="Nguồn">${escapeHtml(t.unit || "")}</td>
    </tr>`);
  });
  $("#tasks tbody").innerHTML = rows.join("");
  const count = $("#task-count");
  const shown = $$("#tasks tbody tr:not([hidden])").length;
  const noLead = tasks.filter((t) => !t.lead.length).length;
  count.textContent = shown === tasks.length ? `(${tasks.length})` : `(${shown} / ${tasks.length})`;
  count.title = `${noLead} nhiệm vụ chưa có cơ quan chủ trì`;
  count.dataset.count = String(tasks.length);
  markCurrent(false);
}

/* ------------------------------------------------------------------ editing */

function toRefs(value, task, role) {
  const known = documentAgencies();
  const mine = new Map();
  [...task[role], ...task.lead, ...task.coordinators, ...task.report_to]
    .forEach((a) => { if (!mine.has(a.name.toLowerCase())) mine.set(a.name.toLowerCase(), a); });
  const out = [];
  for (const raw of value.split(";")) {
    const name = raw.replace(/\s+/g, " ").trim();
    if (!name) continue;
    const key = name.toLowerCase();
    if (mine.has(key)) out.push(mine.get(key));
    else if (known.has(key)) out.push({ ...known.get(key), span: null, origin: "review" });
    else out.push({ id: null, name, text: name, span: null, kind: null, known: false, origin: "review" });
  }
  return out;
}

function openEditor(i, focusId = "f-lead") {
  const t = state.graph.tasks[i];
  state.editing = i;
  $("#edit-title").textContent = `Sửa nhiệm vụ ${i + 1}`;
  $("#edit-where").textContent = t.unit ? `Vị trí: ${t.unit}` : "";
  $("#f-text").value = t.text;
  $("#f-lead").value = names(t.lead).join("; ");
  $("#f-coord").value = names(t.coordinators).join("; ");
  $("#f-report").value = names(t.report_to).join("; ");
  $("#f-dl-text").value = t.deadline ? t.deadline.text : "";
  $("#f-dl-date").value = t.deadline && t.deadline.due ? t.deadline.due : "";
  $("#f-dl-kind").value = t.deadline ? t.deadline.kind : "date";
  $("#f-product").value = t.product || "";
  $$(".agency-field select").forEach((s) => { s.value = ""; });
  $("#edit-dialog").showModal();
  $(`#${focusId}`).focus();
}

function sameNames(a, b) {
  return names(a).join("|") === names(b).join("|");
}

function saveEditor() {
  const i = state.editing;
  if (i < 0) return;
  const t = state.graph.tasks[i];
  const before = JSON.stringify(t);
  const prov = t.provenance || (t.provenance = {});
  const text = $("#f-text").value.replace(/\s+/g, " ").trim();
  if (text && text !== t.text) { t.text = text; prov.task = "review"; }
  for (const [field, id] of [["lead", "f-lead"], ["coordinators", "f-coord"], ["report_to", "f-report"]]) {
    const refs = toRefs($(`#${id}`).value, t, field);
    if (!sameNames(refs, t[field])) { t[field] = refs; prov[field] = "review"; }
  }
  const dlText = $("#f-dl-text").value.replace(/\s+/g, " ").trim();
  const due = $("#f-dl-date").value || null;
  const kind = $("#f-dl-kind").value;
  const old = t.deadline;
  let deadline = null;
  if (dlText || due) {
    const sameText = old && old.text === dlText;
    deadline = {
      kind, due, text: dlText || `trước ngày ${formatDate(due)}`,
      rrule: old && kind === old.kind && kind === "recurring" ? old.rrule : null,
      span: sameText ? old.span : null, origin: sameText ? old.origin : "review",
    };
  }
  const changed = !old !== !deadline ||
    (old && deadline && (old.kind !== deadline.kind || old.due !== deadline.due || old.text !== deadline.text));
  if (changed) {
    t.deadline = deadline;
    prov.deadline = "review";
  }
  const product = $("#f-product").value.replace(/\s+/g, " ").trim() || null;
  if (product !== (t.product || null)) { t.product = product; prov.product = "review"; }
  if (JSON.stringify(t) !== before) {
    state.edited.add(t.id);
    state.dirty = true;
    say(`Đã lưu thay đổi của nhiệm vụ ${i + 1}. Nhớ xuất bảng hoặc lưu bản hiệu đính.`, "ok");
  }
  state.editing = -1;
  renderTable();
  renderSource();
  selectTask(i, "table");
  const row = $(`#tasks tbody tr[data-index="${i}"]`);
  if (row) row.focus({ preventScroll: true });
}

function deleteTask(i) {
  const t = state.graph.tasks[i];
  if (!window.confirm(`Xóa nhiệm vụ ${i + 1}: “${shorten(t.text, 80)}”?`)) return;
  state.graph.tasks.splice(i, 1);
  state.dirty = true;
  state.current = -1;
  renderTable();
  renderSource();
  say(`Đã xóa nhiệm vụ ${i + 1}.`, "ok");
}

function selectionSpan() {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const source = $("#source");
  if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return null;
  const offset = (node, off) => {
    if (node.nodeType === Node.TEXT_NODE) return Number(node.parentElement.dataset.s) + off;
    const child = node.childNodes[off];
    if (child && child.dataset && child.dataset.s !== undefined) return Number(child.dataset.s);
    return null;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(state.text[s])) s++;
  while (e > s && /\s/.test(state.text[e - 1])) e--;
  return e > s ? [s, e] : null;
}

function addTaskFromSelection() {
  const span = selectionSpan();
  if (!span) {
    say("Hãy bôi đen đoạn văn bản của nhiệm vụ trong khung Văn bản gốc trước.", "error");
    return;
  }
  const tasks = state.graph.tasks;
  const container = tasks.find((t) => t.span[0] <= span[0] && span[1] <= t.span[1]);
  const task = {
    id: `task__review_${state.nextId++}`, text: state.text.slice(span[0], span[1]).replace(/\s+/g, " ").trim(),
    unit: container ? container.unit : "", unit_id: container ? container.unit_id : null, span,
    action: null, lead: [], coordinators: [], report_to: [], deadline: null, product: null, references: [],
    context: container ? container.context : null, provenance: { task: "review" }, doubt: null,
  };
  let at = tasks.findIndex((t) => t.span[0] > span[0]);
  if (at < 0) at = tasks.length;
  tasks.splice(at, 0, task);
  state.edited.add(task.id);
  state.dirty = true;
  window.getSelection().removeAllRanges();
  renderTable();
  renderSource();
  selectTask(at, "source");
  openEditor(at);
}

/* ------------------------------------------------------------------ export */

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileNameFrom(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header);
  return m ? decodeURIComponent(m[1]) : fallback;
}

function stem() {
  return (state.fileName || "van-ban").replace(/\.[^.]+$/, "");
}

async function exportAs(format) {
  say(`Đang xuất ${format}…`, "busy");
  try {
    const response = await api(`/v1/export?format=${encodeURIComponent(format)}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state.graph),
    });
    const name = fileNameFrom(response, `${stem()}.${format}`);
    download(await response.blob(), name);
    state.dirty = false;
    say(`Đã xuất ${name} (${state.graph.tasks.length} nhiệm vụ).`, "ok");
  } catch (error) {
    say(`Không xuất được: ${error.message}`, "error");
  }
}

async function saveGold(source) {
  try {
    const response = await api("/v1/gold", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ graph: state.graph, source }),
    });
    const name = fileNameFrom(response, `${stem()}.gold.json`);
    download(await response.blob(), name);
    state.dirty = false;
    say(`Đã lưu ${name}: đặt cùng thư mục với văn bản gốc để dùng với vbpl-extract evaluate.`, "ok");
  } catch (error) {
    say(`Không lưu được: ${error.message}`, "error");
  }
}

/* ------------------------------------------------------------------ wiring */

function rowIndex(el) {
  const row = el.closest("tr[data-index]");
  return row ? Number(row.dataset.index) : -1;
}

function wire() {
  $("#file").addEventListener("change", (e) => loadFile(e.target.files[0]));
  document.addEventListener("dragover", (e) => { e.preventDefault(); document.body.classList.add("dragging"); });
  document.addEventListener("dragleave", (e) => {
    if (!e.relatedTarget) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    document.body.classList.remove("dragging");
    if (e.dataTransfer.files.length) loadFile(e.dataTransfer.files[0]);
  });

  const body = $("#tasks tbody");
  body.addEventListener("click", (e) => {
    const i = rowIndex(e.target);
    if (i < 0) return;
    if (e.target.closest("button.edit")) openEditor(i);
    else if (e.target.closest("button.delete")) deleteTask(i);
    else selectTask(i, "table");
  });
  body.addEventListener("keydown", (e) => {
    const i = rowIndex(e.target);
    if (i < 0 || e.target.tagName === "BUTTON") return;
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectTask(i, "table"); }
    else if (e.key === "F2" || e.key === "e") { e.preventDefault(); openEditor(i); }
    else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const rows = $$("#tasks tbody tr:not([hidden])");
      const k = rows.indexOf(e.target.closest("tr")) + (e.key === "ArrowDown" ? 1 : -1);
      if (rows[k]) { rows[k].focus(); selectTask(Number(rows[k].dataset.index), "table"); }
    }
  });
  body.addEventListener("dblclick", (e) => {
    const i = rowIndex(e.target);
    const cell = e.target.closest("td[data-field]");
    if (i >= 0) openEditor(i, cell ? cell.dataset.field : "f-lead");
  });

  $("#source").addEventListener("click", (e) => {
    const seg = e.target.closest("span[data-tasks]");
    if (!seg || !window.getSelection().isCollapsed) return;
    const ids = seg.dataset.tasks.split(" ").map(Number);
    selectTask(ids[ids.length - 1], "source");
  });
  document.addEventListener("selectionchange", () => {
    $("#add-task").disabled = !state.graph || selectionSpan() === null;
  });
  $("#add-task").addEventListener("click", addTaskFromSelection);
  $("#filter").addEventListener("input", renderTable);
  $("#show").addEventListener("change", renderTable);

  $$(".agency-field select").forEach((select) => select.addEventListener("change", () => {
    if (!select.value) return;
    const input = $(`#${select.dataset.target}`);
    const list = input.value.split(";").map((s) => s.trim()).filter(Boolean);
    if (!list.includes(select.value)) list.push(select.value);
    input.value = list.join("; ");
    select.value = "";
    input.focus();
  }));
  $("#f-dl-date").addEventListener("change", () => {
    const kind = $("#f-dl-kind");
    if (["recurring", "ongoing"].includes(kind.value)) kind.value = "date";
  });
  $("#edit-form").addEventListener("submit", (e) => { e.preventDefault(); $("#edit-dialog").close(); saveEditor(); });
  $("#f-cancel").addEventListener("click", () => { state.editing = -1; $("#edit-dialog").close(); });

  $$("[data-export]").forEach((b) => b.addEventListener("click", () => exportAs(b.dataset.export)));
  $("#save-gold").addEventListener("click", () => {
    $("#g-source").value = state.fileName;
    $("#gold-dialog").showModal();
    $("#g-source").select();
  });
  $("#gold-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const source = $("#g-source").value.trim();
    if (!source) return;
    $("#gold-dialog").close();
    saveGold(source);
  });
  $("#g-cancel").addEventListener("click", () => $("#gold-dialog").close());
  window.addEventListener("beforeunload", (e) => { if (state.dirty) { e.preventDefault(); e.returnValue = ""; } });
}

wire();

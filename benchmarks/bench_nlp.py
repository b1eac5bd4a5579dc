"""Benchmark: would underthesea or spaCy (+pyvi) help congvan's rule-based extraction?

Prints figures only; asserts nothing. Each library is skipped with a note when it is not installed, so run it in
a scratch environment that has them, e.g.

    python3 -m venv /tmp/nlpvenv && /tmp/nlpvenv/bin/pip install underthesea spacy pyvi
    /tmp/nlpvenv/bin/python benchmarks/bench_nlp.py [--docs DIR] [--ids 001 002 ...] [--repeat 3]

It prints, per library:
  1. versions and installed footprint (the distribution plus its non-optional dependency closure, as installed here);
  2. cold import time and first-call time, each in a fresh interpreter, median of --repeat runs, with any
     network connection attempt blocked and counted (a model fetched from a hub at run time would show here);
  3. throughput (tokens/s, chars/s) of word_tokenize, pos_tag, ner, sent_tokenize (underthesea) and of the
     spaCy 'vi' tokenizer (pyvi) on the body text of real documents;
  4. NER agreement with the expected agency list on invented task sentences, beside congvan's own
     find_agencies (imported, or run with --congvan-python, default: the repository's .venv if present);
  5. sentence splitting on numbered items and abbreviations, and the POS tag given to task verbs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# ---------------------------------------------------------------------------------------------------------------
# Invented task sentences and the agencies a reader expects (lead and other named bodies, as printed;
# collectives kept as one name, 'các huyện: A, B' expanded to one name per member).
SENTENCES: list[tuple[str, list[str]]] = [
    ("Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND các huyện, thị xã kiểm tra việc khai thác "
     "khoáng sản trái phép.",
     ["Sở Tài nguyên và Môi trường", "UBND các huyện, thị xã"]),
    ("Đề nghị Sở Xây dựng, Sở Giao thông vận tải báo cáo UBND tỉnh trước ngày 20/7/2025.",
     ["Sở Xây dựng", "Sở Giao thông vận tải", "UBND tỉnh"]),
    ("UBND các huyện: Bình Sơn, Mộ Đức rà soát danh sách hộ nghèo, gửi Sở Lao động - Thương binh và Xã hội "
     "trước ngày 15/8/2025.",
     ["UBND huyện Bình Sơn", "UBND huyện Mộ Đức", "Sở Lao động - Thương binh và Xã hội"]),
    ("Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh triển khai phương án bảo đảm an ninh trật tự.",
     ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
    ("Bộ Y tế chủ trì, phối hợp với Bộ Tài chính hướng dẫn thực hiện Nghị định số 15/2025/NĐ-CP.",
     ["Bộ Y tế", "Bộ Tài chính"]),
    ("Giao Ủy ban nhân dân thành phố Hà Nội chỉ đạo UBND các quận, huyện tổ chức kiểm tra.",
     ["Ủy ban nhân dân thành phố Hà Nội", "UBND các quận, huyện"]),
    ("Các sở, ban, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện.",
     ["Các sở, ban, ngành, địa phương"]),
    ("Sở KH&ĐT chủ trì tham mưu UBND tỉnh bố trí vốn đầu tư công năm 2026.",
     ["Sở KH&ĐT", "UBND tỉnh"]),
    ("Đề nghị Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng thực hiện giãn nợ cho khách hàng.",
     ["Ngân hàng Nhà nước Việt Nam", "các tổ chức tín dụng"]),
    ("Tổng cục Thuế phối hợp với Cục Hải quan tỉnh Quảng Ngãi kiểm tra hồ sơ hoàn thuế.",
     ["Tổng cục Thuế", "Cục Hải quan tỉnh Quảng Ngãi"]),
    ("Giao Ban Quản lý Khu kinh tế Dung Quất và các khu công nghiệp Quảng Ngãi hướng dẫn doanh nghiệp đăng ký.",
     ["Ban Quản lý Khu kinh tế Dung Quất và các khu công nghiệp Quảng Ngãi"]),
    ("Văn phòng UBND tỉnh theo dõi, đôn đốc và báo cáo Chủ tịch UBND tỉnh kết quả thực hiện.",
     ["Văn phòng UBND tỉnh", "Chủ tịch UBND tỉnh"]),
    ("Trường Đại học Bách khoa Hà Nội phối hợp với Viện Hàn lâm Khoa học và Công nghệ Việt Nam tổ chức hội thảo.",
     ["Trường Đại học Bách khoa Hà Nội", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"]),
    ("Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Ngãi tăng cường thông tin tuyên truyền.",
     ["Đài Phát thanh và Truyền hình tỉnh", "Báo Quảng Ngãi"]),
    ("Giao Sở TN&MT, Sở NN&PTNT phối hợp với UBND TP. Quảng Ngãi kiểm tra, xử lý vi phạm.",
     ["Sở TN&MT", "Sở NN&PTNT", "UBND TP. Quảng Ngãi"]),
    ("Bộ Công an, Bộ Quốc phòng theo chức năng, nhiệm vụ được giao chỉ đạo lực lượng chức năng tăng cường "
     "kiểm tra.",
     ["Bộ Công an", "Bộ Quốc phòng"]),
    ("Yêu cầu Tập đoàn Điện lực Việt Nam (EVN) bảo đảm cung cấp điện cho sản xuất.",
     ["Tập đoàn Điện lực Việt Nam"]),
]

# Text for the sentence splitter: the units a task parser needs, one per expected item.
SPLIT_TEXT_LINES = [
    "Điều 1. Phê duyệt Kế hoạch thực hiện năm 2025.",
    "Điều 2. Tổ chức thực hiện.",
    "1. Giao Sở Y tế chủ trì:",
    "a) Hướng dẫn các cơ sở khám bệnh thực hiện Nghị định số 96/2023/NĐ-CP ngày 30/12/2023 của Chính phủ.",
    "b) Báo cáo UBND tỉnh trước ngày 20/7/2025.",
    "2. UBND TP. Quảng Ngãi và UBND các huyện triển khai thực hiện theo Thông tư số 01/2024/TT-BYT.",
    "Đề nghị các đơn vị thực hiện nghiêm túc.",
]

# Verbs that open or carry a task; the POS tag we hope for is a verb.
TASK_VERBS = ["giao", "đề nghị", "chủ trì", "phối hợp", "yêu cầu", "báo cáo", "rà soát", "kiểm tra",
              "triển khai", "hướng dẫn", "tổ chức", "chỉ đạo", "tham mưu", "theo dõi", "đôn đốc"]
VERB_SENTENCES = [
    "Chủ trì, phối hợp với các đơn vị liên quan xây dựng kế hoạch.",
    "Phối hợp với Sở Tài chính thẩm định dự toán.",
    "Giao Sở Nội vụ hướng dẫn thực hiện.",
    "Đề nghị các sở, ngành báo cáo kết quả trước ngày 30/6/2025.",
    "Yêu cầu UBND các huyện rà soát, tổng hợp danh sách.",
    "Tổ chức kiểm tra, đôn đốc việc thực hiện.",
    "Triển khai thực hiện nghiêm túc các nội dung trên.",
] + [s for s, _ in SENTENCES]

DEFAULT_IDS = ["001", "002", "005", "008", "096", "097", "112"]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def norm(s: str) -> str:
    s = nfc(s).lower().replace("ủy", "uỷ").replace("_", " ")
    s = re.sub(r"\s*\([^()]*\)", "", s)  # 'Tập đoàn Điện lực Việt Nam (EVN)' = 'Tập đoàn Điện lực Việt Nam'
    s = re.sub(r"\s+", " ", s).strip(" ,.;:")
    return s.replace("uỷ ban nhân dân", "ubnd")


# ---------------------------------------------------------------------------------------------------------------
# helpers: versions and footprint

def _req_name(req: str) -> str | None:
    if ";" in req and "extra" in req.split(";", 1)[1]:
        return None
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
    return m.group(1) if m else None


def _dist(name: str):
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


def footprint(root: str) -> tuple[int, int, list[str]]:
    """Bytes of the distribution and of its dependency closure as installed here, and the closure's names."""
    seen: dict[str, int] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        d = _dist(name)
        if d is None:
            continue
        size = 0
        for f in d.files or []:
            try:
                size += os.path.getsize(f.locate())
            except OSError:
                pass
        seen[key] = size
        for r in d.requires or []:
            n = _req_name(r)
            if n:
                todo.append(n)
    root_key = re.sub(r"[-_.]+", "-", root).lower()
    return seen.get(root_key, 0), sum(seen.values()), sorted(seen)


def version(name: str) -> str | None:
    d = _dist(name)
    return d.version if d else None


# ---------------------------------------------------------------------------------------------------------------
# cold import / first call in a fresh interpreter, network blocked and counted

NET_GUARD = r"""
import socket, json as _j
_net = []
def _blocked(*a, **k):
    _net.append(repr(a[:2])[:80]); raise OSError("network blocked by bench_nlp")
socket.socket.connect = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
import time as _t
"""


def run_fresh(body: str) -> dict:
    """Run NET_GUARD + body in a fresh interpreter; body fills dict R; returns R plus wall time and net attempts."""
    code = NET_GUARD + "R = {}\ntry:\n" + "\n".join("    " + ln for ln in body.strip().splitlines()) + \
        "\nexcept Exception as e:\n    R['error'] = f'{type(e).__name__}: {e}'[:300]\n" + \
        "R['net_attempts'] = _net\nprint('@@' + _j.dumps(R))\n"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    line = next((ln for ln in p.stdout.splitlines() if ln.startswith("@@")), None)
    out = json.loads(line[2:]) if line else {"error": (p.stderr or p.stdout)[-300:]}
    out["wall"] = wall
    return out


def ms(xs: list[float]) -> str:
    xs = [x for x in xs if x == x]
    if not xs:
        return "n/a"
    return f"{1000 * min(xs):.0f} ms (median {1000 * statistics.median(xs):.0f})"


def cold_figures(import_stmt: str, setup: str, calls: dict[str, str], repeat: int) -> None:
    base = min(run_fresh("pass")["wall"] for _ in range(repeat))
    walls, imports = [], []
    for _ in range(repeat):
        r = run_fresh(f"t = _t.perf_counter()\n{import_stmt}\nR['import'] = _t.perf_counter() - t")
        walls.append(r["wall"] - base)
        imports.append(r.get("import", float("nan")))
    print(f"  cold '{import_stmt}': {ms(imports)} in-process; process wall over a bare interpreter "
          f"{ms(walls)}; best of {repeat} (bare interpreter {1000 * base:.0f} ms)")
    for label, call in calls.items():
        firsts, seconds, nets, err = [], [], [], None
        for _ in range(repeat):
            r = run_fresh(f"{setup}\nt = _t.perf_counter()\n{call}\nR['first'] = _t.perf_counter() - t\n"
                          f"t = _t.perf_counter()\n{call}\nR['second'] = _t.perf_counter() - t")
            if "error" in r:
                err = r["error"]
            firsts.append(r.get("first", float("nan")))
            seconds.append(r.get("second", float("nan")))
            nets.append(len(r["net_attempts"]))
        ok = [x for x in seconds if x == x]
        second = f"{1000 * min(ok):.1f} ms" if ok else "n/a"
        msg = f"  first call {label}: {ms(firsts)}; second call {second}; network attempts: {max(nets)}"
        print(msg + (f", ERROR {err}" if err else ""))


# ---------------------------------------------------------------------------------------------------------------

def load_docs(docs_dir: Path, ids: list[str]) -> list[tuple[str, str]]:
    out = []
    for i in ids:
        p = docs_dir / f"{i}.txt"
        if p.exists():
            out.append((i, nfc(p.read_text(encoding="utf-8"))))
        else:
            print(f"  note: {p} missing, skipped")
    return out


def timed(fn, items, repeat: int) -> tuple[float, list]:
    best, res = float("inf"), []
    for _ in range(repeat):
        t = time.perf_counter()
        res = [fn(x) for x in items]
        best = min(best, time.perf_counter() - t)
    return best, res


def congvan_agencies(sentences: list[str], congvan_python: str | None) -> list[list[str]] | None:
    try:
        sys.path.insert(0, str(REPO))
        from congvan.extractors.agencies import find_agencies  # type: ignore
        find_agencies(sentences[0])
        t = time.perf_counter()
        out = [find_agencies(s) for s in sentences]
        print(f"congvan find_agencies: {1000 * (time.perf_counter() - t):.1f} ms for {len(sentences)} sentences")
        return out
    except Exception:
        pass
    finally:
        sys.path.pop(0)
    if not congvan_python or not Path(congvan_python).exists():
        return None
    code = ("import json,sys,time\nfrom congvan.extractors.agencies import find_agencies\n"
            "ss = json.load(sys.stdin); find_agencies(ss[0]); t = time.perf_counter()\n"
            "out = [find_agencies(s) for s in ss]\n"
            "print(json.dumps([out, time.perf_counter() - t]))")
    p = subprocess.run([congvan_python, "-c", code], input=json.dumps(sentences), capture_output=True,
                       text=True, cwd=str(REPO),
                       env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if p.returncode:
        print(f"  note: congvan's find_agencies failed under {congvan_python}: {p.stderr.strip()[-200:]}")
        return None
    out, took = json.loads(p.stdout)
    print(f"congvan find_agencies (via {congvan_python}): {1000 * took:.1f} ms for {len(sentences)} sentences")
    return out


def score(found: list[str], expected: list[str]) -> tuple[int, int, int]:
    """exact hits, partial hits (a found span inside an expected name or the reverse), spurious spans."""
    f = [norm(x) for x in found]
    e = [norm(x) for x in expected]
    exact = sum(1 for x in e if x in f)
    partial = sum(1 for x in e if any(y and (y in x or x in y) for y in f))
    spurious = sum(1 for y in f if not any(y in x or x in y for x in e))
    return exact, partial, spurious


def ner_spans(tagged) -> list[tuple[str, str]]:
    """underthesea ner() output -> [(label, text)] from its BIO column."""
    spans: list[tuple[str, str]] = []
    cur_label, cur = None, []
    for tok in tagged:
        word, tag = tok[0], tok[-1]
        if tag.startswith("B-") or (tag.startswith("I-") and cur_label != tag[2:]):
            if cur:
                spans.append((cur_label, " ".join(cur)))
            cur_label, cur = tag[2:], [word]
        elif tag.startswith("I-"):
            cur.append(word)
        else:
            if cur:
                spans.append((cur_label, " ".join(cur)))
            cur_label, cur = None, []
    if cur:
        spans.append((cur_label, " ".join(cur)))
    return spans


def short(xs, width=70) -> str:
    s = "; ".join(xs) if xs else "—"
    return s if len(s) <= width else s[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------------------------

def bench_underthesea(docs, args, rules) -> None:
    print("\n== underthesea ==")
    v = version("underthesea")
    if v is None:
        print("  note: underthesea is not installed here (pip install underthesea); skipped")
        return
    own, closure, names = footprint("underthesea")
    print(f"  version {v} (underthesea-core {version('underthesea-core')}); installed: {own / 1e6:.1f} MB itself, "
          f"{closure / 1e6:.1f} MB with its dependency closure ({len(names)} dists: {', '.join(names)})")
    for heavy in ("torch", "transformers", "scikit-learn", "numpy", "scipy"):
        if heavy in names:
            print(f"  pulls in {heavy}")
    s0 = SENTENCES[0][0]
    cold_figures("import underthesea", f"import underthesea as u\ns = {s0!r}",
                 {"word_tokenize": "u.word_tokenize(s)", "pos_tag": "u.pos_tag(s)", "ner": "u.ner(s)",
                  "sent_tokenize": "u.sent_tokenize(s)",
                  "ner(deep=True)": "u.ner(s, deep=True)"}, args.repeat)
    print("  (ner(deep=True) loads a transformers model from a model hub at first use: not allowed here; "
          "an error above is the expected outcome)")

    import underthesea as u

    # -- throughput
    if docs:
        sents = [s for _, text in docs for s in u.sent_tokenize(text)]
        chars = sum(len(text) for _, text in docs)
        t_sent, _ = timed(u.sent_tokenize, [t for _, t in docs], args.repeat)
        t_wt, toks = timed(u.word_tokenize, sents, args.repeat)
        n_tok = sum(len(x) for x in toks)
        t_pos, _ = timed(u.pos_tag, sents, args.repeat)
        t_ner, _ = timed(u.ner, sents, 1)
        print(f"  throughput on {len(docs)} documents ({chars} chars, {len(sents)} sentences, {n_tok} words), "
              f"best of {args.repeat} (ner: 1 run):")
        for label, t in (("sent_tokenize", t_sent), ("word_tokenize", t_wt), ("pos_tag", t_pos), ("ner", t_ner)):
            print(f"    {label:14s} {1000 * t:8.1f} ms  {n_tok / t:10.0f} words/s  {chars / t:11.0f} chars/s  "
                  f"{1000 * t / len(docs):7.1f} ms/doc")

    # -- NER vs expected agencies
    print("\n  NER (CRF) vs expected agencies on the invented sentences"
          + (" — and congvan's find_agencies" if rules else ""))
    tot = {"exp": 0, "ner_exact": 0, "ner_part": 0, "ner_spur": 0, "any_part": 0,
           "rule_exact": 0, "rule_part": 0, "rule_spur": 0}
    print(f"  {'#':>2} | {'expected':70s} | {'underthesea ner ORG (other labels)':70s}"
          + (f" | {'congvan find_agencies':70s}" if rules else ""))
    t_all = 0.0
    for k, (s, exp) in enumerate(SENTENCES, 1):
        t = time.perf_counter()
        tagged = u.ner(s)
        t_all += time.perf_counter() - t
        spans = ner_spans(tagged)
        org = [t for lab, t in spans if lab == "ORG"]
        other = [f"{lab}:{t}" for lab, t in spans if lab != "ORG"]
        e, p, sp = score(org, exp)
        _, pa, _ = score([t for _, t in spans], exp)
        tot["exp"] += len(exp)
        tot["ner_exact"] += e
        tot["ner_part"] += p
        tot["ner_spur"] += sp
        tot["any_part"] += pa
        cell = short(org) + (f" ({short(other, 40)})" if other else "")
        row = f"  {k:>2} | {short(exp):70s} | {cell[:70]:70s}"
        if rules:
            re_, rp, rs = score(rules[k - 1], exp)
            tot["rule_exact"] += re_
            tot["rule_part"] += rp
            tot["rule_spur"] += rs
            row += f" | {short(rules[k - 1]):70s}"
        print(row)
    n = tot["exp"]
    print(f"  expected names: {n}; underthesea ORG exact {tot['ner_exact']}/{n}, partial {tot['ner_part']}/{n}, "
          f"spurious ORG spans {tot['ner_spur']}; any label partial {tot['any_part']}/{n}; "
          f"ner took {1000 * t_all:.1f} ms for {len(SENTENCES)} sentences")
    if rules:
        print(f"  congvan find_agencies exact {tot['rule_exact']}/{n}, partial {tot['rule_part']}/{n}, "
              f"spurious {tot['rule_spur']}")
    else:
        print("  note: congvan's find_agencies not importable here (use --congvan-python); rule column skipped")

    # -- sentence splitting
    print("\n  sent_tokenize on numbered items and abbreviations (expected units: "
          f"{len(SPLIT_TEXT_LINES)})")
    for label, text in (("with line breaks", "\n".join(SPLIT_TEXT_LINES)),
                        ("flattened to one line", " ".join(SPLIT_TEXT_LINES))):
        got = u.sent_tokenize(text)
        ok = sum(1 for x in SPLIT_TEXT_LINES if x in [g.strip() for g in got])
        print(f"    {label}: {len(got)} pieces, {ok}/{len(SPLIT_TEXT_LINES)} expected units exact")
        for g in got:
            print("      | " + g.replace("\n", " ⏎ "))

    # -- POS of task verbs
    print("\n  pos_tag on task verbs (word segmented by underthesea; V = verb)")
    counts: dict[str, dict[str, int]] = {}
    first_ok = first_n = 0
    for s in VERB_SENTENCES:
        tags = u.pos_tag(s)
        for w, t in tags:
            wl = nfc(w).lower()
            if wl in TASK_VERBS:
                counts.setdefault(wl, {}).setdefault(t, 0)
                counts[wl][t] += 1
        if tags and nfc(tags[0][0]).lower() in TASK_VERBS:
            first_n += 1
            first_ok += tags[0][1] == "V"
    for w in TASK_VERBS:
        if w in counts:
            print(f"    {w:12s} {counts[w]}")
    missed = [w for w in TASK_VERBS if w not in counts]
    if missed:
        print(f"    not segmented as one word anywhere: {missed}")
    print(f"    sentence-initial task verb tagged V: {first_ok}/{first_n}")


def bench_spacy(docs, args) -> None:
    print("\n== spaCy (+ pyvi for the 'vi' tokenizer) ==")
    v = version("spacy")
    if v is None:
        print("  note: spacy is not installed here (pip install spacy pyvi); skipped")
        return
    own, closure, names = footprint("spacy")
    print(f"  spacy {v}: {own / 1e6:.1f} MB itself, {closure / 1e6:.1f} MB with its dependency closure "
          f"({len(names)} dists)")
    pv = version("pyvi")
    if pv is None:
        print("  note: pyvi is not installed: spacy.blank('vi') cannot tokenize (pip install pyvi); skipped")
        return
    own_p, closure_p, names_p = footprint("pyvi")
    extra = sorted(set(names_p) - set(names))
    print(f"  pyvi {pv}: {own_p / 1e6:.1f} MB itself; adds to spacy's closure: {', '.join(extra)}")
    vi_models = [d.metadata["Name"] for d in metadata.distributions()
                 if (d.metadata["Name"] or "").lower().replace("-", "_").startswith("vi_")]
    print(f"  installed Vietnamese spaCy pipelines: {vi_models or 'none (spaCy ships no trained vi pipeline)'}")
    s0 = SENTENCES[0][0]
    cold_figures("import spacy", f"import spacy\ns = {s0!r}",
                 {"spacy.blank('vi')": "nlp = spacy.blank('vi')",
                  "blank('vi') + nlp(s)": "nlp = spacy.blank('vi'); nlp(s)"}, args.repeat)
    pyvi_import = "from pyvi import ViTokenizer, ViPosTagger"
    cold_figures(pyvi_import, f"{pyvi_import}\ns = {s0!r}",
                 {"ViPosTagger.postagging(ViTokenizer.tokenize(s))":
                  "ViPosTagger.postagging(ViTokenizer.tokenize(s))"}, args.repeat)

    import spacy
    from pyvi import ViPosTagger, ViTokenizer
    nlp = spacy.blank("vi")
    print(f"  spacy.blank('vi') pipeline components: {nlp.pipe_names or 'none'} (tokenizer only: no tags, "
          "no entities, no sentence boundaries)")
    if docs:
        texts = [t for _, t in docs]
        chars = sum(len(t) for t in texts)
        t_tok, out = timed(nlp, texts, args.repeat)
        n_tok = sum(len(d) for d in out)
        print(f"  tokenizer throughput on {len(docs)} documents ({chars} chars, {n_tok} tokens): "
              f"{1000 * t_tok:.1f} ms, {n_tok / t_tok:.0f} tokens/s, {chars / t_tok:.0f} chars/s, "
              f"{1000 * t_tok / len(docs):.1f} ms/doc")
    print("  segmentation of the invented sentences (first 3):")
    for s, _ in SENTENCES[:3]:
        print("    | " + " | ".join(t.text for t in nlp(s)))
    counts: dict[str, dict[str, int]] = {}
    for s in VERB_SENTENCES:
        words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(s))
        for w, t in zip(words, tags, strict=False):
            wl = nfc(w).lower().replace("_", " ")
            if wl in TASK_VERBS:
                counts.setdefault(wl, {}).setdefault(t, 0)
                counts[wl][t] += 1
    print("  pyvi ViPosTagger on task verbs (V = verb):")
    for w in TASK_VERBS:
        if w in counts:
            print(f"    {w:12s} {counts[w]}")
    missed = [w for w in TASK_VERBS if w not in counts]
    if missed:
        print(f"    not segmented as one word anywhere: {missed}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_docs = next((p for p in (REPO.parent / "shared/corpus/dev/docs", Path("/work/shared/corpus/dev/docs"))
                         if p.is_dir()), REPO.parent / "shared/corpus/dev/docs")
    ap.add_argument("--docs", type=Path, default=default_docs, help="folder of NNN.txt documents")
    ap.add_argument("--ids", nargs="*", default=DEFAULT_IDS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--congvan-python", default=str(REPO / ".venv/bin/python"),
                    help="interpreter with congvan installed, for the rule column when congvan is not importable")
    ap.add_argument("--skip", nargs="*", default=[], choices=["underthesea", "spacy"])
    args = ap.parse_args()

    print(f"python {sys.version.split()[0]} at {sys.executable}; load average {os.getloadavg()[0]:.2f} on "
          f"{os.cpu_count()} cores (timings are only meaningful on a quiet machine)")
    docs = load_docs(args.docs, args.ids) if args.docs.is_dir() else []
    if not docs:
        print(f"  note: no documents under {args.docs}; throughput skipped")
    rules = congvan_agencies([s for s, _ in SENTENCES], args.congvan_python)
    if "underthesea" not in args.skip:
        bench_underthesea(docs, args, rules)
    if "spacy" not in args.skip:
        bench_spacy(docs, args)


if __name__ == "__main__":
    main()

"""The PDF reader on text-layer details: footnote marks printed as superscripts, column gaps."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from congvan.readers import read
from tests.conftest import sample_module

SIGNED = sample_module("make_signed")


def _page_with(path: Path, pieces: list[tuple[str, float, float, float]]) -> Path:
    """A page with text objects (text, x, top, size)."""
    return SIGNED.build_signed_pdf(path, pieces, [])


needs_font = pytest.mark.skipif(not SIGNED.FONT.exists(), reason="fonts-liberation2 is not installed")


@needs_font
def test_superscript_footnote_mark_is_not_part_of_the_number(tmp_path: Path) -> None:
    path = _page_with(tmp_path / "f.pdf", [
        ("Căn cứ Nghị định số 126/2024/NĐ-CP", 60, 100, 13),
        ("1", 262.5, 95, 8),  # small and raised, right after the number (which ends at x 261.8)
        ("của Chính phủ; năm 2024 có 12 hội.", 60, 120, 13),
        ("Ủy ban nhân dân tỉnh đề nghị các sở, ngành khẩn trương thực hiện.", 60, 140, 13),
    ])
    layout = read(str(path))
    assert not layout.ocr
    texts = [line.text for line in layout.lines]
    assert any(text.endswith("126/2024/NĐ-CP") for text in texts), texts
    assert not any("NĐ-CP1" in text for text in texts)
    assert any("12 hội" in text for text in texts)  # ordinary digits stay


@needs_font
def test_column_gap_splits_a_row_into_left_and_right(tmp_path: Path) -> None:
    path = _page_with(tmp_path / "c.pdf", [
        ("Số: 12/UBND-VX", 60, 100, 13), ("Bình Định, ngày 05 tháng 3 năm 2026", 330, 100, 13),
        ("Ủy ban nhân dân tỉnh đề nghị các sở, ngành khẩn trương thực hiện.", 60, 140, 13),
    ])
    layout = read(str(path))
    assert not layout.ocr
    assert [(line.text, line.column) for line in layout.lines][:2] == [
        ("Số: 12/UBND-VX", "left"), ("Bình Định, ngày 05 tháng 3 năm 2026", "right")]


def _plan_docx(path: Path, second_table_pages_later: bool = False) -> Path:
    import docx

    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 45/KH-UBND"
    head.cell(0, 1).text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                            "Phú Yên, ngày 20 tháng 02 năm 2024")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Triển khai chuyển đổi số năm 2024")
    document.add_paragraph("I. NHIỆM VỤ CỤ THỂ")
    table = document.add_table(rows=3, cols=5)
    table.style = "Table Grid"
    rows = [("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
            ("1", "Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Thông tin và Truyền thông", "Các sở, ngành",
             "Quý III/2024"),
            ("2", "Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Trước 30/6/2024")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    if second_table_pages_later:  # another task table two pages on: every page that shows one is read
        document.add_page_break()
        document.add_paragraph("Nội dung giải trình chi tiết của Kế hoạch. " * 20)
        document.add_page_break()
        later = document.add_table(rows=2, cols=5)
        later.style = "Table Grid"
        for r, row in enumerate([rows[0], ("3", "Tập huấn kỹ năng số", "Sở Nội vụ", "Các sở, ngành", "Quý IV/2024")]):
            for c, value in enumerate(row):
                later.cell(r, c).text = value
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Giao Sở Nội vụ theo dõi, đôn đốc, báo cáo UBND tỉnh trước ngày 15/12/2024./.")
    foot = document.add_table(rows=1, cols=2)
    foot.cell(0, 0).text = "Nơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT."
    foot.cell(0, 1).text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Mỹ"
    document.save(str(path))
    return path


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_task_table_in_a_printed_pdf_gives_the_same_tasks_as_the_docx(tmp_path: Path) -> None:
    from congvan.pipeline.run import extract_file

    source = _plan_docx(tmp_path / "plan.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)], check=True,
                   capture_output=True, timeout=180)

    def rows(path: Path) -> list[tuple]:
        return [(t["clause"], t["lead"], t["support"], (t["deadline"] or {}).get("date"))
                for t in extract_file(path)["tasks"]]

    from_docx, from_pdf = rows(source), rows(tmp_path / "plan.pdf")
    assert ("T1.1", ["Sở Thông tin và Truyền thông"], ["Các sở, ngành"], "2024-09-30") in from_pdf
    assert ("T1.2", ["Văn phòng UBND tỉnh"], ["Sở Nội vụ"], "2024-06-30") in from_pdf
    assert from_pdf == from_docx


@needs_font
def test_footnotes_at_the_foot_leave_the_body_but_keep_their_citations(tmp_path: Path) -> None:
    from congvan.pipeline.run import extract_file

    body = [(f"Dòng {i} của nội dung văn bản, Ủy ban nhân dân tỉnh đề nghị các sở, ngành thực hiện.", 60,
             120 + 18 * i, 13) for i in range(8)]
    path = _page_with(tmp_path / "n.pdf", body + [
        ("1 Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức hội.", 60, 780, 9),
        ("2 Công văn số 12/BNV-CCHC ngày 05/3/2024 của Bộ Nội vụ.", 60, 795, 9),
    ])
    layout = read(str(path))
    assert [note[:2] for note in layout.notes] == ["1 ", "2 "]
    assert not any(line.text.startswith(("1 Nghị định", "2 Công văn")) for line in layout.lines)
    numbers = {ref["number"]: ref["date"] for ref in extract_file(path)["document"]["references"]}
    assert numbers == {"126/2024/NĐ-CP": "2024-10-08", "12/BNV-CCHC": "2024-03-05"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_task_tables_on_pages_apart_are_all_read(tmp_path: Path) -> None:
    from congvan.pipeline.run import extract_file

    source = _plan_docx(tmp_path / "plan.docx", second_table_pages_later=True)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)], check=True,
                   capture_output=True, timeout=180)
    pdf = extract_file(tmp_path / "plan.pdf")
    assert pdf["source"]["pages"] >= 3
    leads = {t["title"]: t["lead"] for t in pdf["tasks"] if t["clause"].startswith("T")}
    assert leads["Tập huấn kỹ năng số"] == ["Sở Nội vụ"]
    assert leads["Số hóa hồ sơ thủ tục hành chính"] == ["Văn phòng UBND tỉnh"]

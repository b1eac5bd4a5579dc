"""Copies saved from legal-database websites: the document inside the chrome, the metadata table, the cross-check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from congvan.extractors.site_meta import cross_check, parse_date
from congvan.pipeline.convert import convert_one
from congvan.readers import read, website
from tests.conftest import SAMPLES

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ AN PHÚ",
    "------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "",
    "Số: 07/TB-UBND | An Phú, ngày 02 tháng 4 năm 2024",
    "",
    "THÔNG BÁO",
]


def rows(texts: list[str]) -> list[tuple[str, str | None]]:
    return [(row.text, row.column) for row in website.unwrap(texts).rows if row.text.strip()]


def test_pipe_split_header_becomes_two_columns() -> None:
    got = rows(HEADER)
    assert got[:6] == [
        ("ỦY BAN NHÂN DÂN", "left"), ("XÃ AN PHÚ", "left"), ("-------", "left"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right"), ("Độc lập - Tự do - Hạnh phúc", "right"),
        ("Số: 07/TB-UBND", "left"),
    ]
    assert got[6] == ("An Phú, ngày 02 tháng 4 năm 2024", "right")
    assert got[7] == ("THÔNG BÁO", None)


def test_lone_pipe_line_is_a_cell_break() -> None:
    got = rows(["SỞ XÂY DỰNG", "|", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    assert got == [("SỞ XÂY DỰNG", "left"), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right"),
                   ("Độc lập - Tự do - Hạnh phúc", "right")]


def test_markdown_header_table_with_breaks() -> None:
    got = rows(["| **BỘ Y TẾ**<br>--- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc** |",
                "|---|---|", "| Số: 5/BYT-KH | *Hà Nội, ngày 1 tháng 2 năm 2024* |"])
    assert got == [("**BỘ Y TẾ**", "left"), ("---", "left"), ("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "right"),
                   ("**Độc lập - Tự do - Hạnh phúc**", "right"), ("Số: 5/BYT-KH", "left"),
                   ("*Hà Nội, ngày 1 tháng 2 năm 2024*", "right")]


def test_body_table_rows_are_left_alone() -> None:
    texts = HEADER + ["| STT | Nội dung | Ghi chú |", "|---|---|---|", "| 1 | Rà soát hồ sơ | |",
                      "Mục 1 | Tổng hợp số liệu"]
    got = [text for text, _ in rows(texts)]
    assert "| STT | Nội dung | Ghi chú |" in got and "| 1 | Rà soát hồ sơ | |" in got
    assert "Mục 1 | Tổng hợp số liệu" in got


def test_chrome_before_and_after_is_dropped() -> None:
    texts = ["CỔNG VĂN BẢN MẪU", "Trang chủ | Văn bản | Đăng nhập", "Số hiệu: 07/TB-UBND", "Người ký: Lê Văn Tám",
             ""] + HEADER + ["Nội dung thông báo.", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn Tám",
                             "Văn bản liên quan", "- Thông báo 01/TB-UBND", "Đang tải văn bản..."]
    got = [text for text, _ in rows(texts)]
    assert got[0] == "ỦY BAN NHÂN DÂN" and got[-1] == "Lê Văn Tám"
    assert website.unwrap(texts).meta == {"number": "07/TB-UBND", "signer": "Lê Văn Tám"}


def test_weak_chrome_needs_a_second_chrome_line() -> None:
    texts = HEADER + ["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn Tám", "PHỤ LỤC", "Ghi chú",
                      "Các số liệu tính đến hết quý I."]
    assert [text for text, _ in rows(texts)][-1] == "Các số liệu tính đến hết quý I."
    texts = texts + ["Lưu trữ", "Mục lục"]
    assert [text for text, _ in rows(texts)][-1] == "PHỤ LỤC"


def test_appendix_table_headers_are_not_chrome() -> None:
    texts = HEADER + ["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn Tám", "PHỤ LỤC", "STT", "Số hiệu",
                      "Ngày ban hành", "Nội dung", "Ghi chú", "1", "12/QĐ-UBND", "02/01/2024", "Hết hiệu lực", "",
                      "Ghi chú:", "Số liệu của Phòng Tài chính."]
    assert [text for text, _ in rows(texts)][-1] == "Số liệu của Phòng Tài chính."


def test_no_prefix_is_dropped_when_the_quoc_hieu_comes_after_document_matter() -> None:
    texts = ["Kính gửi: Sở Tài chính", "Đề nghị Sở Tài chính có ý kiến về mẫu đơn kèm theo.", "Nơi nhận:",
             "- Lưu: VT.", "Mẫu đơn", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐƠN ĐỀ NGHỊ"]
    assert website.find_start(texts) == 0


def test_body_pipe_rows_are_not_split_outside_the_header() -> None:
    body = [f"Nội dung đoạn {i}." for i in range(20)]
    texts = HEADER + body + ["Hà Nội, ngày 5 tháng 3 năm 2024 | Họp giao ban"]
    assert rows(texts)[-1] == ("Hà Nội, ngày 5 tháng 3 năm 2024 | Họp giao ban", None)
    texts = HEADER + body + ["- Lưu: VT. | KT. CHỦ TỊCH"]
    assert rows(texts)[-2:] == [("- Lưu: VT.", "left"), ("KT. CHỦ TỊCH", "right")]


def test_login_prompt_is_chrome_even_without_a_signature_block() -> None:
    texts = HEADER + ["Nội dung thông báo.", "Bạn chưa đăng nhập thành viên", "Quên mật khẩu?"]
    assert [text for text, _ in rows(texts)][-1] == "Nội dung thông báo."


def test_a_document_without_chrome_is_unchanged() -> None:
    texts = ["BỘ TƯ PHÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/BTP-VP", "Nội dung.", "Nơi nhận:", "- Lưu."]
    assert [row.text for row in website.unwrap(texts).rows] == texts
    assert website.unwrap(texts).meta == {}


def test_title_line_with_the_issuer_glued_at_its_end_is_kept() -> None:
    texts = ["Công văn 9/BYT-KH năm 2020 về tiêm chủng do Bộ Y tế ban hành. BỘ Y TẾ -------",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert website.find_start(texts) == 0


@pytest.mark.parametrize("texts", [
    ["Số hiệu:", "12/KH-UBND", "Loại văn bản:", "Kế hoạch", "Ngày ban hành:", "03/01/2024"],
    ["| Số hiệu: | 12/KH-UBND | Loại văn bản: | Kế hoạch |", "|---|---|---|---|",
     "| Ngày ban hành: | 03/01/2024 | | |"],
    ["Số hiệu: 12/KH-UBND", "**Loại văn bản:** Kế hoạch", "Ngày ban hành:\t03/01/2024"],
])
def test_metadata_table_layouts(texts: list[str]) -> None:
    assert website.parse_meta(texts) == {"number": "12/KH-UBND", "type": "Kế hoạch", "date": "03/01/2024"}


def test_metadata_labels_without_values_are_skipped() -> None:
    assert website.parse_meta(["Số hiệu:", "Người ký:", "Nguyễn Văn B", "Tình trạng:", "Đã biết"]) == {
        "signer": "Nguyễn Văn B"}


# --------------------------------------------------------------------------- the samples

SAVES = {
    "web-cong-van.md": ("1482/UBND-NN", "2024-03-12", "Ủy ban nhân dân huyện Long Phú", "Công văn", "Trần Văn Lộc"),
    "web-quyet-dinh.txt": ("215/QĐ-UBND", "2024-05-08", "Ủy ban nhân dân thị xã Hòa Thành", "Quyết định",
                           "Lê Thị Thu Hà"),
    "web-chi-thi.html": ("06/CT-UBND", "2024-02-20", "Ủy ban nhân dân tỉnh Bình Hòa", "Chỉ thị", "Phạm Quốc Hòa"),
}
CHROME_WORDS = ("đăng nhập", "đang tải", "bản quyền", "©", "văn bản liên quan", "tải về", "số hiệu", "trang chủ",
                "lưu trữ", "kho văn bản", "thư viện", "cổng tra cứu", "giấy phép")


@pytest.mark.parametrize("name", sorted(SAVES))
def test_sample_save_header_fields(name: str) -> None:
    outcome = convert_one(str(SAMPLES / name))
    assert outcome["ok"], outcome.get("error")
    document = outcome["result"]["document"]
    number, day, issuer, doc_type, signer = SAVES[name]
    assert (document["number"], document["date"], document["issuer"], document["type"]) == (number, day, issuer,
                                                                                            doc_type)
    assert document["signer"]["name"] == signer


@pytest.mark.parametrize("name", sorted(SAVES))
def test_sample_save_has_no_chrome_in_clauses_or_tasks(name: str) -> None:
    result = convert_one(str(SAMPLES / name))["result"]
    text = json.dumps([result["document"]["clauses"], result["document"]["distribution"], result["tasks"]],
                      ensure_ascii=False).lower()
    assert result["tasks"]
    for word in CHROME_WORDS:
        assert word not in text, word


@pytest.mark.parametrize("name", sorted(SAVES))
def test_sample_save_metadata_agrees_with_the_text(name: str) -> None:
    layout = read(SAMPLES / name)
    assert set(layout.site_meta) == {"number", "type", "issuer", "signer", "date"}
    document = convert_one(str(SAMPLES / name))["result"]["document"]
    assert cross_check(document, layout.site_meta) == []


# --------------------------------------------------------------------------- cross_check

DOCUMENT = {"number": "215/QĐ-UBND", "type": "Quyết định", "issuer": "Ủy ban nhân dân thị xã Hòa Thành",
            "parent_issuer": None, "date": "2024-05-08", "signer": {"name": "Lê Thị Thu Hà", "title": "Chủ tịch"}}


def test_cross_check_agrees_after_normalising() -> None:
    meta = {"number": "215 /QĐ–UBND", "type": "QUYẾT ĐỊNH", "issuer": "UBND Thị xã Hoà Thành",
            "signer": "Le Thi Thu Ha", "date": "8/5/2024"}
    assert cross_check(DOCUMENT, meta) == []


def test_cross_check_warns_on_each_disagreement() -> None:
    meta = {"number": "216/QĐ-UBND", "type": "Chỉ thị", "issuer": "Ủy ban nhân dân huyện Tân Châu",
            "signer": "Lê Thị Thu Hương", "date": "09/05/2024"}
    warnings = cross_check(DOCUMENT, meta)
    assert [w.split(":")[0] for w in warnings] == [
        f"site metadata disagrees on {key}" for key in ("number", "type", "issuer", "signer", "date")]
    assert "'216/QĐ-UBND'" in warnings[0] and "'215/QĐ-UBND'" in warnings[0]


def test_cross_check_never_changes_the_document() -> None:
    document = json.loads(json.dumps(DOCUMENT))
    cross_check(document, {"number": "1/X", "date": "01/01/2000"})
    assert document == DOCUMENT


def test_cross_check_skips_missing_and_vague_values() -> None:
    assert cross_check(DOCUMENT, {}) == []
    assert cross_check({"number": None, "signer": None}, {"number": "1/X", "signer": "A"}) == []
    assert cross_check(DOCUMENT, {"date": "Đã biết", "type": "Văn bản khác"}) == []


def test_cross_check_issuer_by_part_or_parent() -> None:
    document = {"issuer": "Tổng cục Hải quan", "parent_issuer": "Bộ Tài chính"}
    assert cross_check(document, {"issuer": "Bộ Tài chính"}) == []
    assert cross_check({"issuer": "UBND tỉnh Quảng Bình"}, {"issuer": "Tỉnh Quảng Bình"}) == []
    assert cross_check({"issuer": "Bộ Y tế"}, {"issuer": "Bộ Tài chính, Bộ Y tế"}) == []
    assert cross_check({"issuer": "Bộ Y tế"}, {"issuer": "Bộ Công Thương"})


def test_parse_date_forms() -> None:
    assert parse_date("08/05/2024") == parse_date("8-5-2024") == parse_date("2024-05-08")
    assert parse_date("31/02/2024") is None and parse_date("tháng 5") is None


def test_saved_files_read_without_chrome(tmp_path: Path) -> None:
    page = tmp_path / "save.txt"
    page.write_text("\n".join(["Trang chủ", "Đăng nhập", ""] + HEADER + ["Nội dung.", "Bạn chưa đăng nhập"]),
                    encoding="utf-8")
    layout = read(page)
    assert layout.lines[0].text == "ỦY BAN NHÂN DÂN" and layout.lines[-1].text == "Nội dung."
    assert layout.lines[0].column == "left"

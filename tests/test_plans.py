"""Plans, programmes and attached texts (the contract's plan rules), on invented documents and sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from congvan.extractors.clauses import build
from congvan.extractors.fields import field_line, split_fields
from congvan.extractors.plan_time import heading_deadline, plan_deadline
from congvan.pipeline.run import extract_file

QD_HEADER = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 812/QĐ-UBND
Hà Giang, ngày 12 tháng 3 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Khoa học và Công nghệ và Thủ trưởng các cơ quan, đơn vị có liên quan \
chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, KGVX.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Sáu
"""


def run(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def by_clause(result: dict) -> dict[str, dict]:
    return {task["clause"]: task for task in result["tasks"]}


# -- field lines ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("- Đơn vị chủ trì: Sở Tư pháp.", ("lead", "Sở Tư pháp.")),
    ("- Cơ quan thực hiện: Sở Y tế chủ trì", ("lead", "Sở Y tế chủ trì")),
    ("* Thời gian hoàn thành: Quý II/2025", ("time", "Quý II/2025")),
    ("- Đơn vị phối hợp: Công an tỉnh", ("support", "Công an tỉnh")),
    ("Sản phẩm: Báo cáo tổng kết", ("product", "Báo cáo tổng kết")),
])
def test_field_line_labels(text: str, expected: tuple[str, str]) -> None:
    assert field_line(text) == expected


def test_fields_run_into_one_line_are_split() -> None:
    text, fields = split_fields("Xây dựng quy chế phối hợp; Đơn vị chủ trì: Sở Tư pháp; "
                                "Thời gian hoàn thành: Quý II/2025.")
    assert text == "Xây dựng quy chế phối hợp"
    assert fields == {"lead": "Sở Tư pháp", "time": "Quý II/2025"}


def test_a_bare_time_line_is_no_field_block_on_its_own() -> None:
    """An invitation's 'Thời gian: 8 giờ ngày 5/1' is the meeting's time, not a plan item's field."""
    assert split_fields("Họp đánh giá. Thời gian: 8 giờ ngày 5/1/2026.")[1] == {}
    assert split_fields("Rà soát hồ sơ. Đơn vị chủ trì: Sở Nội vụ. Thời gian: Quý I/2026.")[1] == {
        "lead": "Sở Nội vụ", "when": "Quý I/2026"}


# -- plan time words --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Quý II, III/2025", "2025-09-30"),
    ("Cả năm 2025", "2025-12-31"),
    ("Năm 2026", "2026-12-31"),
    ("Tháng 6-9/2025", "2025-09-30"),
    ("Trong tháng 8/2025", "2025-08-31"),
    ("Thực hiện định kỳ hằng năm; riêng năm 2025 hoàn thành trong quý II/2025", "2025-06-30"),
    ("Thường xuyên", None),
])
def test_plan_time_words(text: str, expected: str | None) -> None:
    found = plan_deadline(text, date(2025, 3, 1))
    assert found is not None and found.date == expected


def test_thuong_xuyen_is_continuous() -> None:
    found = plan_deadline("Thực hiện thường xuyên", date(2025, 3, 1))
    assert found is not None and found.recurrence == "continuous" and found.kind == "ongoing"


@pytest.mark.parametrize(("heading", "expected"), [
    ("I. NHỮNG VIỆC CẦN LÀM NGAY TRONG THÁNG 12/2025", "2025-12-31"),
    ("II. NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026", "2026-12-31"),
    ("Năm 2026:", "2026-12-31"),
    ("Công tác tuyên truyền", None),
    ("Kết quả thực hiện năm 2024", None),
    ("Mục tiêu giai đoạn 2026-2030", None),
])
def test_headings_that_set_a_time_frame(heading: str, expected: str | None) -> None:
    found = heading_deadline(heading, date(2025, 11, 1))
    assert (found.date if found else None) == expected


# -- the clause tree --------------------------------------------------------------------------------------------


def _paths(nodes) -> list[str]:
    return [n.path for root in nodes for n in root.walk()]


def test_parenthesised_numbers_are_items_below_the_open_item() -> None:
    tree = build([("1. Công tác tuyên truyền", None), ("(1) Tổ chức hội nghị.", None), ("a) Cấp tỉnh;", None),
                  ("(2) Rà soát văn bản.", None), ("2. Công tác kiểm tra", None)])
    assert _paths(tree) == ["1", "1.1", "1.1.a", "1.2", "2"]


def test_a_one_read_as_roman_before_item_two_is_item_one() -> None:
    tree = build([("I. Cho phép sinh viên mang túi vào phòng thi.", None), ("2. Phòng Đào tạo kiểm tra.", None),
                  ("3. Các Khoa nhắc nhở sinh viên.", None)])
    assert _paths(tree) == ["1", "2", "3"]
    tree = build([("I. MỤC ĐÍCH", None), ("1. Nâng cao nhận thức.", None), ("2. Kiểm tra.", None)])
    assert _paths(tree) == ["I", "I.1", "I.2"]


def test_field_lines_become_the_fields_of_their_item() -> None:
    tree = build([("1. Nội dung", None), ("(1) Tổ chức tập huấn.", None), ("- Đơn vị chủ trì: Sở Nội vụ.", None),
                  ("- Thời gian hoàn thành: Quý II/2025.", None)])
    item = tree[0].children[0]
    assert item.children == [] and item.fields == {"lead": "Sở Nội vụ", "time": "Quý II/2025"}


def test_a_field_block_after_several_items_covers_each() -> None:
    tree = build([("1.1. Tuyên truyền chính sách mới.", None), ("1.2. Tập huấn cán bộ.", None),
                  ("- Cơ quan thực hiện: Sở Tư pháp.", None), ("1.3. Kiểm tra việc thực hiện.", None),
                  ("- Cơ quan thực hiện: Thanh tra tỉnh.", None)])
    assert [n.fields.get("lead") for n in tree] == ["Sở Tư pháp", "Sở Tư pháp", "Thanh tra tỉnh"]


def test_glued_labels_get_their_own_paragraph() -> None:
    tree = build([("2. Nâng cao năng lực quản lý 2.1.", None), ("Xây dựng cơ sở dữ liệu.", None),
                  ("2.2.", None), ("Tăng cường kiểm tra 2.3. Rà soát quy trình.", None)])
    assert _paths(tree) == ["2", "2.1", "2.2", "2.3"]
    assert tree[0].children[1].text == "Tăng cường kiểm tra"


def test_article_paths_ignore_chapters() -> None:
    tree = build([("Chương III", None), ("TỔ CHỨC THỰC HIỆN", None), ("Điều 7. Trách nhiệm của Sở Y tế", None),
                  ("1. Hướng dẫn các cơ sở.", None)])
    assert "7.1" in _paths(tree)


# -- whole documents --------------------------------------------------------------------------------------------


PLAN = """KẾ HOẠCH
Chuyển đổi số năm 2025
(Ban hành kèm theo Quyết định số 812/QĐ-UBND ngày 12/3/2025 của UBND tỉnh Hà Giang)
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ về chuyển đổi số.
II. CHỈ TIÊU CHỦ YẾU THỰC HIỆN ĐẾN NĂM 2030
1. Bảo đảm trên 90% hồ sơ được xử lý trực tuyến.
III. NHIỆM VỤ CỤ THỂ
1. Hạ tầng số
(1) Nâng cấp mạng diện rộng của tỉnh.
- Đơn vị chủ trì: Sở Khoa học và Công nghệ.
- Đơn vị phối hợp: Văn phòng UBND tỉnh.
- Thời gian hoàn thành: Quý II, III/2025.
(2) Rà soát thiết bị tại bộ phận một cửa cấp xã.
- Cơ quan thực hiện: UBND các xã, phường chủ trì, phối hợp với Công an tỉnh.
- Thời gian thực hiện: Thường xuyên.
2. Dữ liệu số
(1) Số hóa hồ sơ đất đai.
(2) Xây dựng kho dữ liệu dùng chung.
- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường.
- Thời gian thực hiện: Cả năm 2025.
(3) Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã.
(4) Tăng cường kiểm tra, đáp ứng yêu cầu bảo đảm an toàn thông tin.
"""


def test_attached_plan_after_the_signature_gives_its_items_as_tasks(tmp_path: Path) -> None:
    result = run(tmp_path, QD_HEADER + PLAN)
    assert result["document"]["signer"]["name"] == "Lò Văn Sáu"
    tasks = by_clause(result)
    assert set(tasks) == {"3", "III.1.1", "III.1.2", "III.2.1", "III.2.2", "III.2.3", "III.2.4"}
    first = tasks["III.1.1"]
    assert first["lead"] == ["Sở Khoa học và Công nghệ"] and first["support"] == ["Văn phòng UBND tỉnh"]
    assert first["deadline"]["date"] == "2025-09-30"
    assert first["description"] == "Nâng cấp mạng diện rộng của tỉnh."
    second = tasks["III.1.2"]
    assert second["lead"] == ["UBND các xã, phường"] and second["support"] == ["Công an tỉnh"]
    assert second["recurrence"] == "continuous" and second["deadline"]["date"] is None
    # a block printed after (2) covers (1) too; (3) names no unit anywhere: the issuer's own task
    assert tasks["III.2.1"]["lead"] == ["Sở Nông nghiệp và Môi trường"]
    assert tasks["III.2.1"]["deadline"]["date"] == "2025-12-31"
    assert tasks["III.2.3"]["lead"] == tasks["III.2.4"]["lead"] == ["Ủy ban nhân dân tỉnh Hà Giang"]
    attached = [c for c in result["document"]["clauses"] if c.get("attachment")]
    assert attached and {c["attachment"] for c in attached} == {"Kế hoạch"}


RULES = """QUY ĐỊNH
Quản lý điểm truy cập Internet công cộng
(Ban hành kèm theo Quyết định số 812/QĐ-UBND ngày 12/3/2025 của UBND tỉnh Hà Giang)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng đối với các điểm truy cập Internet công cộng.
Điều 2. Trách nhiệm của chủ điểm truy cập
1. Chủ điểm truy cập phải niêm yết nội quy sử dụng dịch vụ.
2. Chủ điểm truy cập có trách nhiệm lưu trữ thông tin người sử dụng.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 3. Trách nhiệm của Sở Khoa học và Công nghệ
1. Hướng dẫn, kiểm tra việc thực hiện Quy định này.
2. Định kỳ 6 tháng báo cáo UBND tỉnh.
Điều 4. Trách nhiệm của UBND các huyện
1. Kiểm tra các điểm truy cập trên địa bàn.
"""


def test_attached_rules_give_tasks_only_in_their_implementation_articles(tmp_path: Path) -> None:
    tasks = by_clause(run(tmp_path, QD_HEADER + RULES))
    assert set(tasks) == {"3", "3.1", "3.2", "4.1"}
    assert tasks["3.1"]["lead"] == ["Sở Khoa học và Công nghệ"]
    assert tasks["4.1"]["lead"] == ["UBND các huyện"]


LETTER = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 90/UBND-NC
Hà Giang, ngày 02 tháng 12 năm 2025
V/v triển khai nhiệm vụ cuối năm
Kính gửi: Sở Tài chính
Phúc đáp văn bản số 45/STC-NS ngày 20/11/2025 của Sở Tài chính.
{body}
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Lò Văn Sáu
"""


def test_the_kinh_gui_block_ends_where_the_body_opens(tmp_path: Path) -> None:
    result = run(tmp_path, LETTER.format(body="Đề nghị Sở Tài chính rà soát số liệu, báo cáo trước ngày 20/12/2025."))
    assert result["document"]["recipients"] == ["Sở Tài chính"]


@pytest.mark.parametrize("body", [
    "Sở Nội vụ nhận được Công văn số 12/VP-KT ngày 01/12/2025 của Văn phòng UBND tỉnh đề nghị Sở Nội vụ có ý kiến.",
    "Thực hiện Công văn số 77/TTg-KTTH của Thủ tướng Chính phủ, trong đó, giao các tỉnh rà soát danh mục dự án.",
    "Cán bộ đầu mối: Ông Nguyễn Văn Bình\nChức vụ: Phó Giám đốc;\nSố điện thoại liên hệ: 0912 345 678",
    "“Điều 5. Hồ sơ gồm:\na) Đơn đề nghị;\nb) Bản sao giấy phép.”",
])
def test_not_tasks(tmp_path: Path, body: str) -> None:
    assert run(tmp_path, LETTER.format(body=body))["tasks"] == []


def test_a_request_after_the_cited_letter_is_a_task(tmp_path: Path) -> None:
    body = ("Thực hiện Công văn số 77/TTg-KTTH của Thủ tướng Chính phủ, UBND tỉnh giao Sở Tài chính rà soát "
            "danh mục dự án.")
    [task] = run(tmp_path, LETTER.format(body=body))["tasks"]
    assert task["lead"] == ["Sở Tài chính"]


def test_heading_time_frame_reaches_items_without_a_date(tmp_path: Path) -> None:
    body = ("I. NHỮNG VIỆC CẦN LÀM NGAY TRONG THÁNG 12/2025\n1. Sở Tài chính:\na) Rà soát số liệu quyết toán;\n"
            "b) Báo cáo kết quả trước ngày 15/12/2025;\nc) Thường xuyên cập nhật cơ sở dữ liệu.")
    tasks = by_clause(run(tmp_path, LETTER.format(body=body)))
    assert tasks["I.1.a"]["deadline"]["date"] == "2025-12-31"
    assert tasks["I.1.b"]["deadline"]["date"] == "2025-12-15"
    assert tasks["I.1.c"]["deadline"] is None or tasks["I.1.c"]["deadline"]["date"] is None


def test_a_scrape_runs_the_attached_title_into_the_signer_line(tmp_path: Path) -> None:
    """No '(Ban hành kèm theo …)' line: the body's 'Ban hành kèm theo Quyết định này Kế hoạch …' announces it."""
    text = QD_HEADER.replace("Lò Văn Sáu\n", "Lò Văn Sáu KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025\n")
    result = run(tmp_path, text + PLAN.split("\n", 3)[3])
    assert result["document"]["signer"]["name"] == "Lò Văn Sáu"
    assert result["document"]["signer"]["title"] == "Phó Chủ tịch"
    assert {"III.1.1", "III.2.3"} <= set(by_clause(result))


def test_assigned_by_is_no_request(tmp_path: Path) -> None:
    body = "Các hội do Đảng, Nhà nước giao nhiệm vụ đã hoàn thành đại hội nhiệm kỳ."
    assert run(tmp_path, LETTER.format(body=body))["tasks"] == []


def test_comments_to_send_back_by_a_date_are_the_addressees_task(tmp_path: Path) -> None:
    body = "Đề nghị nghiên cứu dự thảo kèm theo.\nÝ kiến góp ý xin gửi về Ủy ban nhân dân tỉnh trước ngày 15/12/2025."
    tasks = run(tmp_path, LETTER.format(body=body))["tasks"]
    last = tasks[-1]
    assert last["lead"] == ["Sở Tài chính"] and last["deadline"]["date"] == "2025-12-15"


def test_a_directive_paragraph_after_the_last_item_is_its_own(tmp_path: Path) -> None:
    body = ("1. Sở Tài chính có trách nhiệm:\na) Rà soát số liệu;\nb) Tổng hợp báo cáo.\n"
            "Ủy ban nhân dân các huyện cần bố trí đủ cán bộ để phối hợp với Sở Tài chính trong quá trình rà soát.")
    tasks = by_clause(run(tmp_path, LETTER.format(body=body)))
    assert tasks["p3"]["lead"] == ["Ủy ban nhân dân các huyện"]
    assert "bố trí" not in tasks["1.b"]["description"]


def test_items_under_an_opinion_lead_in_are_not_tasks_by_position(tmp_path: Path) -> None:
    body = ("Căn cứ quy định hiện hành, UBND tỉnh có ý kiến như sau:\n1. Việc sắp xếp các hội được thực hiện theo "
            "điều lệ.\n2. Đề nghị Sở Tài chính hướng dẫn các hội lập dự toán trước ngày 20/12/2025.")
    assert set(by_clause(run(tmp_path, LETTER.format(body=body)))) == {"2"}


TO_TRINH = """SỞ NỘI VỤ
TỈNH HÀ GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/TTr-SNV
Hà Giang, ngày 02 tháng 12 năm 2025
TỜ TRÌNH
Về việc gia hạn tổ chức đại hội
Kính gửi: Ủy ban nhân dân tỉnh
{body}
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Lò Văn Sáu
"""


def test_a_to_trinh_reports_others_requests_and_makes_its_own(tmp_path: Path) -> None:
    body = ("1. Hội Cựu giáo chức tỉnh đề nghị được gia hạn thời gian tổ chức đại hội đến tháng 10/2026.\n"
            "2. Để hội có thời gian chuẩn bị nhân sự, Sở Nội vụ đề xuất Chủ tịch Ủy ban nhân dân tỉnh gia hạn "
            "thời gian tổ chức đại hội.")
    tasks = by_clause(run(tmp_path, TO_TRINH.format(body=body)))
    assert set(tasks) == {"2"}
    assert tasks["2"]["lead"] == ["Ủy ban nhân dân tỉnh"]


def test_a_short_name_for_all_addressees_resolves_to_them(tmp_path: Path) -> None:
    letter = LETTER.replace("Kính gửi: Sở Tài chính", "Kính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.")
    body = "(Sau đây gọi tắt là các Sở) Đề nghị các Sở rà soát biên chế, báo cáo trước ngày 20/12/2025."
    tasks = run(tmp_path, letter.replace("Phúc đáp văn bản số 45/STC-NS ngày 20/11/2025 của Sở Tài chính.\n", "")
                .format(body=body))["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Tài chính", "Sở Nội vụ"]]


def test_an_agency_heading_in_lower_case_keeps_its_whole_name(tmp_path: Path) -> None:
    body = "1. Cục quản lý đất đai và địa chính có trách nhiệm:\na) Hướng dẫn các tỉnh lập hồ sơ;\nb) Tổng hợp số liệu."
    tasks = by_clause(run(tmp_path, LETTER.format(body=body)))
    assert tasks["1.a"]["lead"] == ["Cục quản lý đất đai và địa chính"]


def test_a_kinh_gui_line_that_runs_into_the_first_sentence(tmp_path: Path) -> None:
    letter = LETTER.replace("Kính gửi: Sở Tài chính\nPhúc đáp văn bản số 45/STC-NS ngày 20/11/2025 của Sở Tài chính.",
                            "Kính gửi: Sở Tài chính Ngày 05/11/2025, UBND tỉnh nhận được Công văn số 45/STC-NS của "
                            "Sở Tài chính về dự toán năm 2026.")
    result = run(tmp_path, letter.format(body="Đề nghị Sở Tài chính hoàn thiện dự toán trước ngày 20/12/2025."))
    assert result["document"]["recipients"] == ["Sở Tài chính"]


def test_a_quotation_that_never_closes_hides_only_its_opening(tmp_path: Path) -> None:
    body = ("“Điều 5. Hồ sơ gồm đơn đề nghị và bản sao giấy phép.\n1. Đề nghị Sở Tài chính rà soát hồ sơ.\n"
            "2. Đề nghị Sở Tài chính báo cáo trước ngày 20/12/2025.")
    body += "".join(f"\n{i}. Đề nghị Sở Tài chính kiểm tra hồ sơ số {i}." for i in range(3, 25))
    tasks = by_clause(run(tmp_path, LETTER.format(body=body)))
    assert "1" in tasks and "24" in tasks


def test_a_plan_title_quoted_before_the_signature_is_no_attachment(tmp_path: Path) -> None:
    body = ("KẾ HOẠCH PHỐI HỢP\n(Ban hành kèm theo Quyết định số 5/QĐ-UBND ngày 02/01/2025)\n"
            "Đề nghị Sở Tài chính triển khai kế hoạch trên trước ngày 20/12/2025.")
    result = run(tmp_path, LETTER.format(body=body))
    assert result["document"]["signer"]["name"] == "Lò Văn Sáu"
    assert not any(c.get("attachment") for c in result["document"]["clauses"])
    assert [t["lead"] for t in result["tasks"]] == [["Sở Tài chính"]]


def test_the_duties_of_a_body_a_quyet_dinh_sets_up_are_its_tasks(tmp_path: Path) -> None:
    body = QD_HEADER.replace("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.\n",
                             "Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính tỉnh Hà Giang gồm các thành "
                             "viên:\n1. Ông Lò Văn Sáu, Phó Chủ tịch UBND tỉnh, Tổ trưởng.\n"
                             "Điều 2. Nhiệm vụ và quyền hạn của Tổ công tác\n"
                             "1. Rà soát các thủ tục hành chính thuộc thẩm quyền của tỉnh.\n"
                             "2. Đề xuất phương án đơn giản hóa, báo cáo UBND tỉnh trước ngày 30/6/2025.\n")
    tasks = by_clause(run(tmp_path, body))
    assert {"2.1", "2.2"} <= set(tasks) and "1.1" not in tasks
    assert tasks["2.1"]["lead"] == ["Tổ công tác rà soát thủ tục hành chính tỉnh Hà Giang"]
    assert tasks["2.2"]["deadline"]["date"] == "2025-06-30"

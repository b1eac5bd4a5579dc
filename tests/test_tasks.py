"""Task rules with real-world phrasings: what is a task, who leads, who supports, when it is due."""

from __future__ import annotations

from pathlib import Path

import pytest

from congvan.pipeline.run import extract_file

HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/UBND-KT
Quảng Ngãi, ngày 03 tháng 4 năm 2024
V/v triển khai nhiệm vụ
Kính gửi:
- Sở Tài chính;
- Sở Nội vụ;
- UBND các huyện, thị xã, thành phố.
"""
FOOTER = """Nơi nhận:
- Như trên;
- Lưu: VT, KT.
CHỦ TỊCH
Trần Văn Nam
"""


def tasks_of(tmp_path: Path, body: str, header: str = HEADER) -> list[dict]:
    path = tmp_path / "doc.txt"
    path.write_text(header + body + FOOTER, encoding="utf-8")
    return extract_file(path)["tasks"]


def test_giao_chu_tri_phoi_hop_and_deadline(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và UBND các huyện, thị xã, "
                                "thành phố rà soát kinh phí, báo cáo UBND tỉnh trước ngày 20/4/2024.\n")
    assert task["clause"] == "1" and task["id"] == "15/UBND-KT#1"
    assert task["lead"] == ["Sở Tài chính"]
    assert task["support"] == ["Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]
    assert task["deadline"] == {"date": "2024-04-20", "kind": "before", "text": "trước ngày 20/4/2024"}


def test_agency_heading_passes_its_agency_down(tmp_path: Path) -> None:
    body = ("1. Yêu cầu các cơ quan thực hiện các nội dung sau:\n"
            "a) Giám đốc Sở Nội vụ\n"
            "- Rà soát biên chế, hoàn thành trong quý II/2024.\n"
            "- Tổng hợp kết quả, chậm nhất ngày 15/7/2024.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert set(found) == {"1.a.1", "1.a.2"}
    assert found["1.a.1"]["lead"] == ["Sở Nội vụ"]
    assert found["1.a.1"]["deadline"]["date"] == "2024-06-30" and found["1.a.1"]["deadline"]["kind"] == "period_end"
    assert found["1.a.2"]["deadline"]["kind"] == "by"


def test_request_to_the_addressees_is_led_by_the_recipients(tmp_path: Path) -> None:
    body = "Đề nghị Quý cơ quan báo cáo kết quả thực hiện về Sở Tài chính trong thời hạn 10 ngày kể từ ngày ký.\n"
    [task] = tasks_of(tmp_path, body)
    assert task["lead"] == ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]
    assert task["deadline"]["kind"] == "relative" and task["deadline"]["date"] == "2024-04-13"


@pytest.mark.parametrize("sentence", [
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
    "Thống nhất với đề xuất của Sở Tài chính tại Báo cáo số 12/BC-STC ngày 01/4/2024.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Tài chính để tổng hợp.",
    "Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Trong thời gian qua, Sở Tài chính đã chủ trì tổ chức nhiều hội nghị tập huấn.",
    "Ủy ban nhân dân tỉnh nhận được Công văn số 99/BTC-NSNN ngày 01/3/2024 của Bộ Tài chính về việc đề nghị "
    "báo cáo tình hình.",
    "Sở Tài chính trân trọng cảm ơn sự phối hợp của Quý cơ quan./.",
    "Bộ Tư pháp trân trọng cảm ơn sự phối hợp của Quý cơ quan./. lữ ~",  # specks after the closing mark
    "Xin chân thành cảm ơn sự quan tâm, phối hợp của các đơn vị.",
    "Kính gửi Sở Kế hoạch và Đầu tư tổng hợp./.",  # the closing sending formula
    "Kính gửi Văn phòng Ủy ban nhân dân tỉnh biết, theo dõi theo quy định./.",
])
def test_not_tasks(tmp_path: Path, sentence: str) -> None:
    assert tasks_of(tmp_path, sentence + "\n") == []


def test_the_closing_sending_formula_after_a_list_adds_no_task(tmp_path: Path) -> None:
    body = ("Sở Tài chính cử cán bộ tham gia như sau:\n1. Họ và tên: Nguyễn Văn A\n2. Điện thoại: 0912345678\n"
            "Kính gửi Sở Nội vụ tổng hợp./.\n")
    assert tasks_of(tmp_path, body) == []


def test_closing_exhortation_is_not_a_task_but_a_new_giao_is(tmp_path: Path) -> None:
    body = ("1. Giao Sở Nội vụ tổng hợp danh sách.\n"
            "Yêu cầu Sở Tài chính, Sở Nội vụ và UBND các huyện, thị xã, thành phố nghiêm túc triển khai thực hiện./.\n")
    assert [t["clause"] for t in tasks_of(tmp_path, body)] == ["1"]
    body = ("1. Giao Sở Nội vụ tổng hợp danh sách.\n"
            "Yêu cầu các sở, ngành và UBND các huyện, thị xã, thành phố tổ chức thực hiện tốt các nội dung trên. "
            "Giao Sở Tài chính theo dõi, đôn đốc việc thực hiện.\n")
    closing = tasks_of(tmp_path, body)[-1]
    assert closing["lead"] == ["Sở Tài chính"]


def test_lead_in_paragraph_passes_agencies_to_items(tmp_path: Path) -> None:
    body = ("Để triển khai hiệu quả, Ủy ban nhân dân tỉnh yêu cầu Giám đốc Sở Tài chính, Chủ tịch UBND các huyện, "
            "thị xã, thành phố thực hiện tốt các nội dung sau đây:\n"
            "1. Rà soát các dự án chậm tiến độ.\n"
            "2. Đẩy nhanh giải ngân vốn đầu tư công.\n")
    found = tasks_of(tmp_path, body)
    assert [t["clause"] for t in found] == ["1", "2"]
    assert all(t["lead"] == ["Sở Tài chính", "UBND các huyện, thị xã, thành phố"] for t in found)


def test_group_expansion_and_heads(tmp_path: Path) -> None:
    body = "1. UBND các huyện: Bình Sơn, Mộ Đức: khẩn trương hoàn thành việc bầu chọn, chậm nhất trong ngày 20/7.\n"
    [task] = tasks_of(tmp_path, body)
    assert task["lead"] == ["UBND huyện Bình Sơn", "UBND huyện Mộ Đức"]
    assert task["deadline"]["date"] == "2024-07-20"


def test_recurring_deadline(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "1. Giao Sở Nội vụ báo cáo UBND tỉnh trước ngày 15 hằng tháng.\n")
    assert task["recurrence"] == "monthly"
    assert task["deadline"]["date"] is None


def test_report_to_through(tmp_path: Path) -> None:
    body = ("1. Giao Sở Tài chính kiểm tra và báo cáo kết quả cho Chủ tịch UBND tỉnh (thông qua Văn phòng UBND "
            "tỉnh) trước ngày 30/4/2024.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["report_to"] == "Văn phòng UBND tỉnh"


def test_quyet_dinh_executors_only(tmp_path: Path) -> None:
    header = HEADER.replace("V/v triển khai nhiệm vụ", "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác").replace(
        "Số: 15/UBND-KT", "Số: 16/QĐ-UBND").split("Kính gửi")[0]
    body = ("Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n")
    [task] = tasks_of(tmp_path, body, header)
    assert task["clause"] == "3"
    assert task["lead"] == ["Văn phòng UBND tỉnh", "Sở Nội vụ"]


GM_HEADER = HEADER.replace("V/v triển khai nhiệm vụ", "GIẤY MỜI\nDự họp về công tác cải cách hành chính").replace(
    "Số: 15/UBND-KT", "Số: 17/GM-UBND")


def test_invitation_gives_one_attendance_task(tmp_path: Path) -> None:
    body = ("Ủy ban nhân dân tỉnh trân trọng kính mời lãnh đạo các đơn vị nêu trên dự họp.\n"
            "Thời gian: 14 giờ 00, ngày 22 tháng 4 năm 2024.\n"
            "Đề nghị Sở Nội vụ chuẩn bị báo cáo.\n")
    found = tasks_of(tmp_path, body, GM_HEADER)
    assert found[0]["clause"] == "meeting"
    assert found[0]["lead"] == ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]
    assert found[0]["deadline"] == {"date": "2024-04-22", "kind": "on", "text": "ngày họp"}
    assert found[1]["lead"] == ["Sở Nội vụ"] and found[1]["deadline"]["kind"] == "by"


def test_what_an_invitation_asks_besides_attending_is_due_by_the_meeting(tmp_path: Path) -> None:
    body = ("Ủy ban nhân dân tỉnh trân trọng kính mời lãnh đạo các đơn vị nêu trên dự họp.\n"
            "Thời gian: 14 giờ 00, ngày 22 tháng 4 năm 2024.\n"
            "Giao Sở Tài chính báo cáo tình hình giải ngân vốn đầu tư công.\n")
    prepared = tasks_of(tmp_path, body, GM_HEADER)[1]
    assert prepared["lead"] == ["Sở Tài chính"] and prepared["deadline"]["date"] == "2024-04-22"


def test_every_task_has_a_one_line_title(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "1. Giao Sở Tài chính chủ trì rà soát kinh phí; báo cáo trước ngày 20/4/2024.\n")
    assert "\n" not in task["title"] and task["title"] == "Rà soát kinh phí"


def test_task_table_rows_become_tasks(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for text in ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Số: 45/KH-UBND", "Quảng Ngãi, ngày 10 tháng 3 năm 2024",
                 "KẾ HOẠCH", "Triển khai chuyển đổi số năm 2024", "I. MỤC ĐÍCH, YÊU CẦU", "Bảo đảm thực hiện đồng bộ.",
                 "II. NHIỆM VỤ CỤ THỂ"):
        document.add_paragraph(text)
    rows = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Thông tin và Truyền thông",
             "Sở Tài chính; Văn phòng UBND tỉnh", "Quý III/2024"],
            ["2", "Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "Các sở, ban, ngành",
             "Trước ngày 30/6/2024"],
            ["3", "Báo cáo kết quả thực hiện", "Sở Nội vụ", "", "Hằng quý"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for text in ("Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"):
        document.add_paragraph(text)
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    found = extract_file(path)["tasks"]
    assert [t["clause"] for t in found] == ["T1.1", "T1.2", "T1.3"]
    assert found[0]["lead"] == ["Sở Thông tin và Truyền thông"]
    assert found[0]["support"] == ["Sở Tài chính", "Văn phòng UBND tỉnh"]
    assert found[0]["deadline"]["date"] == "2024-09-30" and found[0]["deadline"]["kind"] == "period_end"
    assert found[1]["deadline"] == {"date": "2024-06-30", "kind": "before", "text": "Trước ngày 30/6/2024"}
    assert found[2]["recurrence"] == "quarterly" and found[2]["deadline"]["date"] is None


def test_abbreviations_the_document_defines(tmp_path: Path) -> None:
    body = ("1. Giao Trung tâm Phục vụ hành chính công tỉnh (sau đây viết tắt là Trung tâm) rà soát quy trình.\n"
            "2. Giao Trung tâm báo cáo kết quả trước ngày 30/4/2024.\n")
    found = tasks_of(tmp_path, body)
    assert found[1]["lead"] == ["Trung tâm Phục vụ hành chính công tỉnh"]


def test_giao_inside_other_words_assigns_nothing(tmp_path: Path) -> None:
    """'Ngoại giao', 'chuyển giao', 'bàn giao', 'giao thông' hold 'giao' but give no order."""
    body = ("I. Thành phần dự họp\n"
            "1. Lãnh đạo các Bộ: Công an, Ngoại giao, Tư pháp.\n"
            "2. Đại diện Sở Giao thông vận tải.\n"
            "II. Tình hình\n"
            "Sở Tài chính đã bàn giao hồ sơ và chuyển giao công nghệ cho các đơn vị.\n")
    assert tasks_of(tmp_path, body) == []


def test_issuer_request_lead_in_passes_the_addressees_down(tmp_path: Path) -> None:
    """'X trân trọng đề nghị:' asks the addressees; an item naming them as a collective is led by them all."""
    body = ("Ủy ban nhân dân tỉnh trân trọng đề nghị:\n"
            "1. Sở Tài chính: Chuẩn bị tài liệu trước ngày 10/4/2024.\n"
            "2. Các cơ quan, đơn vị, địa phương dự họp đúng thành phần; xác nhận đại biểu trước ngày 08/4/2024.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert found["1"]["lead"] == ["Sở Tài chính"]
    assert found["2"]["lead"] == ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]
    assert found["2"]["deadline"]["date"] == "2024-04-08"


def test_thuc_hien_opens_an_action_under_a_lead_in_but_cites_work_in_a_preamble(tmp_path: Path) -> None:
    body = ("Thực hiện Công văn số 12/BNV-CCHC ngày 02/3/2024 của Bộ Nội vụ, Ủy ban nhân dân tỉnh yêu cầu "
            "Sở Nội vụ thực hiện các nội dung sau:\n"
            "1. Thực hiện thống kê, báo cáo số liệu cải cách hành chính theo hướng dẫn của Bộ Nội vụ.\n"
            "2. Triển khai Kế hoạch số 5/KH-UBND ngày 01/3/2024 của Ủy ban nhân dân tỉnh.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert found["1"]["lead"] == ["Sở Nội vụ"]
    assert found["2"]["lead"] == ["Sở Nội vụ"]  # carrying out a plan is the action asked for
    assert "p1" not in found


def test_topic_label_before_the_subject_is_not_the_lead(tmp_path: Path) -> None:
    """'Thanh tra khoa học và công nghệ: UBND các huyện … làm đầu mối …': the topic names no doer."""
    body = ("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện tốt các nội dung sau:\n"
            "1. Thanh tra khoa học và công nghệ: Ủy ban nhân dân các huyện, thị xã làm đầu mối phát hiện vi phạm, "
            "phối hợp với Sở Tài chính xử lý theo quy định.\n"
            "2. Tiêu chuẩn - đo lường: Sở Nội vụ chủ động hướng dẫn các đơn vị.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert found["1"]["lead"] == ["UBND các huyện, thị xã, thành phố"]  # the addressee it abbreviates
    assert found["2"]["lead"] == ["Sở Nội vụ"]


def test_top_level_dash_items_are_numbered_by_position(tmp_path: Path) -> None:
    """Dash items take their position ('1', '2'); a request after 'do đó' is a request."""
    body = ("Sở Tư pháp có ý kiến như sau:\n"
            "- Đối với dự thảo: các cơ quan đang chuyển sang hệ thống mới, do đó đề nghị cơ quan soạn thảo "
            "xem xét, điều chỉnh nội dung kiểm tra cho phù hợp.\n"
            "- Đề nghị bổ sung nội dung kiểm tra việc công khai thông tin.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert set(found) == {"1", "2"}
    assert found["1"]["lead"] == ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]


def test_deadline_set_in_the_clause_it_refers_to(tmp_path: Path) -> None:
    body = ("1. Thống nhất gia hạn thời gian tổ chức đại hội Hiệp hội chậm nhất đến ngày 30/9/2024.\n"
            "2. Giao Sở Nội vụ đôn đốc Hiệp hội hoàn thành đại hội theo thời gian được gia hạn tại khoản 1 nêu trên.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["clause"] == "2"
    assert task["deadline"]["date"] == "2024-09-30" and task["deadline"]["kind"] == "by"


def test_after_event_clause_with_responsibility_under_a_heading(tmp_path: Path) -> None:
    body = ("1. Giao Văn phòng UBND tỉnh:\n"
            "- Tham mưu công bố danh mục thủ tục hành chính trong tháng 5/2024.\n"
            "- Sau khi UBND tỉnh ban hành quyết định công bố, Văn phòng UBND tỉnh có trách nhiệm cập nhật, công "
            "khai thủ tục hành chính kịp thời.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert set(found) == {"1.1", "1.2"}
    assert found["1.2"]["lead"] == ["Văn phòng UBND tỉnh"]


def test_agency_label_stays_the_doer_when_the_text_mentions_another_body(tmp_path: Path) -> None:
    body = ("1. Yêu cầu các cơ quan thực hiện các nội dung sau:\n"
            "- Sở Nội vụ: Thực hiện nghiêm túc các nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao, không để "
            "chậm trễ.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["lead"] == ["Sở Nội vụ"]


def test_agreement_is_not_a_task_and_a_plan_period_is_not_a_data_window(tmp_path: Path) -> None:
    body = ("Chủ tịch UBND tỉnh có ý kiến như sau:\n"
            "1. Đồng ý chủ trương tổ chức Hội nghị tổng kết công tác năm 2024 theo đề xuất của Sở Nội vụ.\n"
            "2. UBND tỉnh giao Sở Nội vụ tham mưu ban hành Kế hoạch cải cách hành chính giai đoạn 2025-2030 "
            "trong quý I năm 2025.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["clause"] == "2" and task["lead"] == ["Sở Nội vụ"]
    assert task["deadline"]["date"] == "2025-03-31"


QD_HEADER = HEADER.replace("Số: 15/UBND-KT", "Số: 1502/QĐ-UBND").replace(
    "V/v triển khai nhiệm vụ\nKính gửi:\n- Sở Tài chính;\n- Sở Nội vụ;\n- UBND các huyện, thị xã, thành phố.\n",
    "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\nỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nQUYẾT ĐỊNH:\n")


def test_decision_article_with_effect_and_execution_in_one(tmp_path: Path) -> None:
    body = ("Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp và Thủ trưởng các sở, ban, ngành liên quan chịu "
            "trách nhiệm thi hành Quyết định này./.\n")
    [task] = tasks_of(tmp_path, body, header=QD_HEADER)
    assert task["clause"] == "2"
    assert task["lead"] == ["Văn phòng UBND tỉnh", "Sở Tư pháp", "Các sở, ban, ngành liên quan"]
    assert task["title"] == "Thi hành Quyết định này"  # the action; who does it is the lead


def test_decision_assigns_in_later_articles_not_in_what_article_one_approves(tmp_path: Path) -> None:
    body = ("Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2024 với các nội dung sau:\n"
            "1. Sở Thông tin và Truyền thông chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong quý III/2024.\n"
            "Điều 2. Tổ chức thực hiện\n"
            "1. Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/7/2024.\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Giám đốc các sở: Tài chính, Thông tin và Truyền thông chịu trách nhiệm thi hành Quyết định này./.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body, header=QD_HEADER)}
    assert set(found) == {"2.1", "3"}
    assert found["2.1"]["lead"] == ["Sở Tài chính"] and found["2.1"]["deadline"]["date"] == "2024-07-30"
    assert found["3"]["lead"] == ["Sở Tài chính", "Sở Thông tin và Truyền thông"]


def test_closing_exhortation_with_manner_words_adds_no_task(tmp_path: Path) -> None:
    body = ("1. Giao Sở Tài chính rà soát kinh phí, báo cáo trước ngày 20/4/2024.\n"
            "Vậy, Ủy ban nhân dân tỉnh đề nghị Sở Tài chính, Sở Nội vụ triển khai thực hiện các nội dung nêu trên "
            "theo đúng thời gian và đảm bảo chất lượng./.\n")
    assert [t["clause"] for t in tasks_of(tmp_path, body)] == ["1"]


def test_members_named_in_brackets_expand_the_collective(tmp_path: Path) -> None:
    body = ("1. Đề nghị các Ban Chủ nhiệm các Đoàn Luật sư (Lâm Đồng, Đăk Nông, Bình Thuận cũ) xây dựng Đề án hợp "
            "nhất, gửi Sở Tư pháp trước ngày 15/8/2024.\n"
            "2. Đề nghị UBND các huyện (Bình Sơn, Mộ Đức) rà soát hồ sơ.\n")
    found = {t["clause"]: t["lead"] for t in tasks_of(tmp_path, body)}
    assert found["1"] == ["Ban Chủ nhiệm Đoàn Luật sư tỉnh Lâm Đồng", "Ban Chủ nhiệm Đoàn Luật sư tỉnh Đắk Nông",
                          "Ban Chủ nhiệm Đoàn Luật sư tỉnh Bình Thuận"]
    assert found["2"] == ["UBND huyện Bình Sơn", "UBND huyện Mộ Đức"]


def test_request_after_the_quoted_legal_bases_completes_the_section(tmp_path: Path) -> None:
    """'Đề nghị X, căn cứ quy định tại: - Luật …; - Nghị định …' then the request paragraph: one task on the
    section with the paragraph's date; an event's own time ('thời gian Đại hội trong quý III') is no deadline."""
    body = ("1. Đề nghị các Ban chấp hành Hội công chứng viên (Bình Định, Phú Yên), căn cứ quy định tại:\n"
            "- Luật Công chứng ngày 26/11/2024;\n"
            "- Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ.\n"
            "2. Đề nghị các Ban Chủ nhiệm các Đoàn Luật sư (Bình Định, Phú Yên), căn cứ quy định tại:\n"
            "- Luật Luật sư năm 2006;\n"
            "- Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ.\n"
            "Đề nghị các Ban Chủ nhiệm thống nhất thời gian Đại hội trong quý III năm 2024 và gửi Đề án về Sở Tư "
            "pháp trước ngày 15/8/2024.\n")
    found = {t["clause"]: t for t in tasks_of(tmp_path, body)}
    assert set(found) == {"1", "2"}
    assert found["1"]["lead"] == ["Ban chấp hành Hội công chứng viên tỉnh Bình Định",
                                  "Ban chấp hành Hội công chứng viên tỉnh Phú Yên"]
    assert found["2"]["deadline"]["date"] == "2024-08-15"


def test_invitation_without_kinh_gui_takes_its_invitees_from_thanh_phan(tmp_path: Path) -> None:
    header = HEADER.replace("Số: 15/UBND-KT", "Số: 21/GM-UBND").replace(
        "V/v triển khai nhiệm vụ\nKính gửi:\n- Sở Tài chính;\n- Sở Nội vụ;\n- UBND các huyện, thị xã, thành phố.\n",
        "GIẤY MỜI\nHọp bàn giải pháp giải ngân vốn đầu tư công\n")
    body = ("Ủy ban nhân dân tỉnh tổ chức cuộc họp bàn giải pháp giải ngân vốn đầu tư công, cụ thể như sau:\n"
            "1. Chủ trì: Đồng chí Nguyễn Văn Hùng - Phó Chủ tịch UBND tỉnh.\n"
            "2. Thành phần mời:\n"
            "- Giám đốc Sở Tài chính;\n"
            "- Trưởng ban Ban Quản lý dự án đầu tư xây dựng tỉnh.\n"
            "3. Thời gian: 14 giờ 00, ngày 07/4/2024.\n"
            "4. Địa điểm: Phòng họp số 1, UBND tỉnh.\n")
    path = tmp_path / "gm.txt"
    path.write_text(header + body + FOOTER, encoding="utf-8")
    result = extract_file(path)
    assert result["document"]["subject"] == "Họp bàn giải pháp giải ngân vốn đầu tư công"
    assert result["document"]["recipients"] == ["Sở Tài chính", "Ban Quản lý dự án đầu tư xây dựng tỉnh"]
    [meeting] = result["tasks"]
    assert meeting["clause"] == "meeting" and meeting["deadline"]["date"] == "2024-04-07"
    assert meeting["lead"] == result["document"]["recipients"]


def test_report_to_is_the_first_report_phrase_that_names_a_body(tmp_path: Path) -> None:
    body = ("1. Đề nghị Sở Tài chính cập nhật số liệu lên Hệ thống thông tin báo cáo quốc gia trước ngày 10/4/2024. "
            "Báo cáo gửi về Văn phòng HĐND và UBND tỉnh để tổng hợp.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["report_to"] == "Văn phòng HĐND và UBND tỉnh"


@pytest.mark.parametrize(("sentence", "lead", "support"), [
    ("1. Sở Y tế phối hợp với Công an tỉnh, Sở Giao thông vận tải bảo đảm an toàn các điểm tiêm.\n",
     ["Sở Y tế"], ["Công an tỉnh", "Sở Giao thông vận tải"]),
    ("1. Phòng Công tác học sinh phối hợp với Đoàn Thanh niên, Hội Liên hiệp Phụ nữ lập các đội tình nguyện.\n",
     ["Phòng Công tác học sinh"], ["Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ"]),
])
def test_the_body_before_phoi_hop_leads(tmp_path: Path, sentence: str, lead: list[str], support: list[str]) -> None:
    [task] = tasks_of(tmp_path, sentence)
    assert task["lead"] == lead and task["support"] == support


def test_a_statement_before_phoi_hop_names_no_lead(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "1. Đề nghị các đơn vị tăng cường công tác tuyên truyền; năm 2023 Sở Y tế đã "
                                "phối hợp với Sở Tài chính kiểm tra.\n")
    assert task["lead"] != ["Sở Y tế"]


def test_a_thanks_after_a_request_leaves_the_request(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "Đề nghị Sở Nội vụ báo cáo kết quả trước ngày 10/5/2024. Trân trọng cảm ơn.\n")
    assert task["lead"] == ["Sở Nội vụ"] and task["deadline"]["date"] == "2024-05-10"


def test_send_back_request_with_contact_details_in_brackets(tmp_path: Path) -> None:
    tasks = tasks_of(tmp_path, "Ý kiến góp ý gửi về Sở Tư pháp (qua Phòng Văn bản, ĐT: 0915.959.792) "
                               "trước ngày 20/5/2024.\n")
    assert [t["deadline"]["date"] for t in tasks] == ["2024-05-20"]
    assert tasks[0]["lead"] == ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]


@pytest.mark.parametrize(("sentence", "lead"), [
    ("1. Đề nghị Sở Y tế giám sát việc thực hiện Công văn này.\n", ["Sở Y tế"]),  # not a closing exhortation
    ("1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường giám sát.\n",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội tỉnh"]),
    ("1. Sở Tài chính, Sở Nội vụ theo chức năng, nhiệm vụ được giao, tham mưu UBND tỉnh bố trí kinh phí.\n",
     ["Sở Tài chính", "Sở Nội vụ"]),
    ("1. Công an tỉnh được giao chủ trì xử lý nghiêm các hành vi vi phạm.\n", ["Công an tỉnh"]),
    ("1. Các sở, ngành căn cứ chức năng, nhiệm vụ chủ động triển khai các giải pháp.\n", ["Các sở, ngành"]),
    ("1. Sở Y tế được phân công chủ trì xây dựng đề án.\n", ["Sở Y tế"]),
    ("1. Các cơ quan, đơn vị được phân công tại Phụ lục kèm theo triển khai, hoàn thành trước ngày 30/6/2024.\n",
     ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]),  # 'các cơ quan, đơn vị': the addressees
])
def test_doers_qualified_or_named_with_organisations(tmp_path: Path, sentence: str, lead: list[str]) -> None:
    [task] = tasks_of(tmp_path, sentence)
    assert task["lead"] == lead


def test_a_closing_exhortation_is_still_no_task_and_a_past_assignment_no_doer(tmp_path: Path) -> None:
    assert tasks_of(tmp_path, "Đề nghị các đơn vị nghiêm túc triển khai thực hiện./.\n") == []
    assert tasks_of(tmp_path, "Năm 2023, Sở Y tế đã được giao kiểm tra các cơ sở.\n") == []


def test_a_dated_meeting_report_is_narrative_and_project_owners_lead(tmp_path: Path) -> None:
    tasks = tasks_of(tmp_path, "Ngày 08/8/2024, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp nghe báo cáo tiến độ.\n"
                               "1. Các chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán, gửi Kho bạc Nhà nước tỉnh "
                               "trước ngày 31/8/2024.\n")
    assert [(t["clause"], t["lead"]) for t in tasks] == [("1", ["Các chủ đầu tư"])]


@pytest.mark.parametrize(("sentence", "lead"), [
    ("1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n", ["Sở Tài chính"]),  # an action before 'thực hiện'
    ("1. Sở Tài chính cân đối, phân bổ kinh phí cho các đơn vị.\n", ["Sở Tài chính"]),
    ("1. Sở Nội vụ là cơ quan thường trực, có trách nhiệm theo dõi, đôn đốc các đơn vị.\n", ["Sở Nội vụ"]),
])
def test_more_actions_and_a_standing_body(tmp_path: Path, sentence: str, lead: list[str]) -> None:
    [task] = tasks_of(tmp_path, sentence)
    assert task["lead"] == lead


@pytest.mark.parametrize("sentence", [
    "Vậy, Sở Tư pháp đề nghị Sở Tài chính, Sở Nội vụ triển khai thực hiện các nội dung nêu trên theo đúng thời gian.",
    "Sở Tư pháp trân trọng đề nghị UBND các huyện, thị xã quan tâm chỉ đạo thực hiện.",
    "Trên đây là Kế hoạch năm 2024; yêu cầu các cơ quan, đơn vị triển khai thực hiện./.",
    "Trên đây là ý kiến của Sở Tài chính, đề nghị Sở Nội vụ nghiên cứu, thực hiện./.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để xảy ra chậm trễ.",
])
def test_a_closing_request_after_a_preamble_is_still_an_exhortation(tmp_path: Path, sentence: str) -> None:
    assert tasks_of(tmp_path, sentence + "\n") == []


def test_items_of_a_decisions_implementation_article_are_tasks(tmp_path: Path) -> None:
    body = ("Điều 1. Phê duyệt danh mục 25 dự án kêu gọi đầu tư năm 2024.\n"
            "Điều 2. Tổ chức thực hiện\n"
            "1. Sở Kế hoạch và Đầu tư chủ trì công bố danh mục dự án.\n"
            "2. Các sở, ngành, UBND các huyện có dự án theo chức năng, nhiệm vụ phối hợp hỗ trợ nhà đầu tư.\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n")
    tasks = tasks_of(tmp_path, body, header=QD_HEADER)
    assert [(t["clause"], t["lead"]) for t in tasks] == [
        ("2.1", ["Sở Kế hoạch và Đầu tư"]), ("2.2", ["Các sở, ngành", "UBND các huyện"])]


def test_doi_voi_heads_an_agencys_items(tmp_path: Path) -> None:
    body = ("1. Đối với Sở Y tế:\na) Chỉ đạo các bệnh viện bảo đảm thuốc, vật tư.\n"
            "b) Báo cáo kết quả trước ngày 20/4/2024.\n"
            "2. Đối với UBND các huyện, thị xã, thành phố: Chỉ đạo UBND cấp xã tuyên truyền cho người dân.\n"
            "3. Đối với các dự án chậm tiến độ: đề nghị Sở Xây dựng kiểm tra.\n")
    assert [(t["clause"], t["lead"]) for t in tasks_of(tmp_path, body)] == [
        ("1.a", ["Sở Y tế"]), ("1.b", ["Sở Y tế"]), ("2", ["UBND các huyện, thị xã, thành phố"]),
        ("3", ["Sở Xây dựng"])]


def test_a_passive_with_an_agent_names_no_doer(tmp_path: Path) -> None:
    assert tasks_of(tmp_path, "1. Các hội được Chủ tịch UBND tỉnh phê duyệt điều lệ.\n") == []


def test_accountability_after_an_action_keeps_the_task(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "1. Sở Tài chính chủ trì thẩm định, chịu trách nhiệm trước UBND tỉnh về kết quả.\n")
    assert task["lead"] == ["Sở Tài chính"]


def test_the_issuers_own_report_lead_in_hands_nothing_down(tmp_path: Path) -> None:
    body = ("Thực hiện Công văn số 12/BNV-VP của Bộ Nội vụ về việc đề nghị phối hợp; Ủy ban nhân dân tỉnh Quảng Ngãi "
            "báo cáo Bộ Nội vụ về tình hình thực hiện, cụ thể như sau:\n"
            "1. Năm 2024, các sở đã tổ chức 12 hội nghị đối thoại.\n2. Phần lớn phản ánh đã được các sở trả lời.\n")
    assert tasks_of(tmp_path, body) == []


def test_a_report_lead_in_by_another_body_still_passes_the_addressees(tmp_path: Path) -> None:
    body = "Đề nghị các cơ quan, đơn vị báo cáo các nội dung sau:\n1. Số hồ sơ đã tiếp nhận.\n2. Số hồ sơ trễ hạn.\n"
    assert [task["clause"] for task in tasks_of(tmp_path, body)] == ["1", "2"]


def test_merged_bodies_keep_old_and_new_and_listed_organisations_stay_a_noun(tmp_path: Path) -> None:
    body = ("Sở Y tế tỉnh Gia Lai (cũ), Sở Y tế tỉnh Gia Lai (mới) và các cơ quan, tổ chức có liên quan căn cứ "
            "chức năng, nhiệm vụ chủ động bàn giao hồ sơ trước ngày 30/6/2025.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["lead"] == ["Sở Y tế tỉnh Gia Lai (cũ)", "Sở Y tế tỉnh Gia Lai (mới)",
                            "Các cơ quan, tổ chức có liên quan"]


@pytest.mark.parametrize("closing", [
    "Kính đề nghị Sở Tài chính quan tâm, chỉ đạo./.",
    "Kính đề nghị Sở Tài chính xem xét, giải quyết. ÁV Z",  # a scan's specks after the closing mark
    "Ủy ban nhân dân tỉnh kính đề nghị Sở Tài chính quan tâm, chỉ đạo.ÁV Z",
])
def test_a_closing_request_that_repeats_one_made_adds_no_task(tmp_path: Path, closing: str) -> None:
    body = f"Đề nghị Sở Tài chính bố trí kinh phí cho lực lượng trực tiếp tham gia trước ngày 30/6/2024.\n{closing}\n"
    assert [task["clause"] for task in tasks_of(tmp_path, body)] == ["p1"]


def test_without_kinh_gui_a_send_back_request_is_led_by_those_the_lead_in_asks(tmp_path: Path) -> None:
    header = HEADER.split("Kính gửi:")[0] + "Kính gửi: ……………………\n"
    body = ("Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành và Ủy ban nhân dân các huyện triển khai một số nội dung "
            "sau:\n1. Rà soát danh mục dự án đầu tư công.\n"
            "Văn bản trả lời đề nghị gửi về Sở Tài chính trước ngày 24/12/2024.\n")
    tasks = tasks_of(tmp_path, body, header)
    assert [(task["clause"], task["lead"]) for task in tasks] == [
        ("1", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"]),
        ("p3", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"])]


def test_departments_that_remind_are_doers(tmp_path: Path) -> None:
    body = "1. Sở Y tế tăng cường kiểm tra.\n2. Các Khoa, Phòng ban nhắc nhở sinh viên giữ tài sản cá nhân.\n"
    assert [(task["clause"], task["lead"]) for task in tasks_of(tmp_path, body)] == [
        ("1", ["Sở Y tế"]), ("2", ["Các Khoa, Phòng ban"])]


def test_a_request_followed_by_the_conditional_boilerplate_is_still_a_task(tmp_path: Path) -> None:
    body = ("Đề nghị Sở Y tế chủ động phối hợp với các bệnh viện triển khai thực hiện theo hướng dẫn nêu trên. "
            "Nếu có khó khăn, vướng mắc, báo cáo Ủy ban nhân dân tỉnh để xem xét, giải quyết.\n")
    [task] = tasks_of(tmp_path, body)
    assert task["lead"] == ["Sở Y tế"]


def test_an_exhortation_followed_by_the_conditional_boilerplate_is_not(tmp_path: Path) -> None:
    body = ("Yêu cầu Giám đốc các sở và Chủ tịch UBND các huyện nghiêm túc thực hiện. Trong quá trình triển khai, "
            "nếu có phát sinh khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị đề xuất UBND tỉnh xem xét./.\n")
    assert tasks_of(tmp_path, body) == []


@pytest.mark.parametrize("sentence", [
    "Đối với các bệnh viện không thực hiện đúng quy định, vẫn kê thêm giường, Sở Y tế có văn bản kiến nghị Bộ Y tế "
    "xử lý.",
    "Để bảo đảm sử dụng kinh phí hiệu quả, Sở Y tế có văn bản đề nghị các bệnh viện sớm xây dựng hướng dẫn.",
])
def test_issuing_a_letter_is_the_doers_action(tmp_path: Path, sentence: str) -> None:
    [task] = tasks_of(tmp_path, sentence + "\n")
    assert task["lead"] == ["Sở Y tế"]


@pytest.mark.parametrize("sentence", [
    "Sở Y tế có văn bản số 12/SYT-NV gửi Bộ Y tế.",  # a letter cited, not asked for
    "Sở Y tế đã có văn bản đề nghị Bộ Y tế hỗ trợ.",
])
def test_a_letter_cited_or_already_sent_is_no_task(tmp_path: Path, sentence: str) -> None:
    assert tasks_of(tmp_path, sentence + "\n") == []


def test_a_to_trinh_keeps_its_closing_kinh_trinh(tmp_path: Path) -> None:
    header = HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "UBND TỈNH QUẢNG NGÃI\nSỞ NỘI VỤ").replace(
        "Số: 15/UBND-KT", "Số: 15/TTr-SNV").replace("V/v triển khai nhiệm vụ", "TỜ TRÌNH\nVề việc hợp nhất các hội")
    body = ("Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, cho phép hợp nhất các hội, cụ thể:\n"
            "- Hợp nhất Hội Cựu giáo chức của ba tỉnh.\n"
            "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định.\n")
    tasks = tasks_of(tmp_path, body, header)
    assert tasks and tasks[-1]["clause"] == "p3"


def test_a_later_paragraph_of_an_article_that_directs_is_its_task(tmp_path: Path) -> None:
    body = ("Điều 1. Cho phép hợp nhất Hội Luật gia của ba tỉnh thành Hội Luật gia tỉnh Quảng Ngãi.\n"
            "Điều 2. Hội Luật gia tỉnh Quảng Ngãi là tổ chức xã hội - nghề nghiệp có tư cách pháp nhân.\n"
            "Trong thời hạn 30 ngày làm việc, Ban Chấp hành Hội Luật gia tỉnh Quảng Ngãi có trách nhiệm tổ chức "
            "Đại hội.\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n")
    [task] = tasks_of(tmp_path, body, QD_HEADER)
    assert task["clause"] == "2" and task["lead"] == ["Ban Chấp hành Hội Luật gia tỉnh Quảng Ngãi"]
    assert task["description"].startswith("Trong thời hạn 30 ngày") and task["deadline"]["kind"] == "relative"
    assert task["deadline"]["date"] == "2024-05-15"  # 30 working days (Monday to Friday) after 03/4/2024


def test_the_papers_under_a_dossier_heading_are_no_tasks(tmp_path: Path) -> None:
    body = ("II. HỒ SƠ\n1. Đơn xin xét tốt nghiệp (theo mẫu);\n"
            "2. 4 ảnh 3x4 (ảnh chụp trong vòng 6 tháng, sinh viên phải mặc áo sơ mi);\n"
            "III. Sở Nội vụ tổng hợp hồ sơ trước ngày 5/4/2024.\n")
    assert [task["clause"] for task in tasks_of(tmp_path, body)] == ["III"]


def test_the_sectors_and_localities_are_the_addressees(tmp_path: Path) -> None:
    [task] = tasks_of(tmp_path, "Yêu cầu các sở, ban, ngành, địa phương thực hiện nghiêm túc các nhiệm vụ được giao.\n")
    assert task["lead"] == ["Sở Tài chính", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"]

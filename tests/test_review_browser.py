"""The review page in a real browser: Debian's chromium and chromium-driver, headless, driven by Selenium against
a uvicorn server on a free loopback port (nothing is downloaded at run time).

The server asks for API tokens: the page's first call gets 401 and its dialog takes a write token, whose name
authors the corrections. Upload two samples and a broken file, open a document, select a task and see its
clause marked, correct a deadline and a lead with the keyboard, mark the document reviewed, then check over
HTTP that /v1/tasks and the .ics export carry the correction. The screenshots in docs/screenshots/ are written here
(with CONGVAN_SCREENSHOTS=1).
Outside CI the tests skip when chromium or its driver is missing; in CI (CI set) they fail instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import icalendar
import pytest

from congvan.service import tokens
from congvan.service.app import create_app
from congvan.service.store import Store
from tests.conftest import ROOT, SAMPLES
from tests.test_service import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# The README's screenshots; a run writes them there only when asked (CONGVAN_SCREENSHOTS=1), else to a temp
# folder, so that running the tests leaves the checkout clean.
SHOTS = ROOT / "docs" / "screenshots" if os.environ.get("CONGVAN_SCREENSHOTS") else \
    Path(tempfile.gettempdir()) / "congvan-screenshots"
WAIT = 60


def _missing() -> str:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, DRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} not found (apt-get install chromium chromium-driver, or scripts/setup.sh)"
    return ""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for a browser online
    profile = tempfile.mkdtemp(prefix="congvan-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--lang=vi", f"--user-data-dir={profile}", "--window-size=1440,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


CLERK = "Trần Thị Lan"  # the name of the token the clerk types into the page's dialog


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, httpx.Client]]:
    """The server's address (auth on) and an HTTP client with the clerk's token."""
    store = Store(data_dir=tmp_path / "data")
    _, token = tokens.create(store, CLERK, "write")
    try:
        with serve(create_app(store)) as base, httpx.Client(
                headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
            yield base, http
    finally:
        store.close()


def wait(driver: object, condition: object, timeout: float = WAIT) -> object:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def css(driver: object, selector: str) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def rows(driver: object, count: int) -> list:
    """The inbox's rows, once the page's script has shown count of them."""
    wait(driver, lambda d: len(css(d, "table.inbox tr.doc")) == count and "văn bản" in css(d, "#count")[0].text)
    return css(driver, "table.inbox tr.doc")


def upload(driver: object, *paths: Path) -> None:
    """Give the inbox's file picker these files and wait until every one has an answer."""
    css(driver, "#file-input")[0].send_keys("\n".join(str(p) for p in paths))
    wait(driver, lambda d: len(css(d, ".upload-item")) >= len(paths) and not css(d, ".upload-item.pending"))


def test_review_in_the_browser(browser: object, site: tuple[str, httpx.Client], tmp_path: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    driver = browser
    site, http = site
    assert http.get(site + "/v1/inbox", headers={"Authorization": ""}).status_code == 401
    driver.get(site + "/")
    dialog = wait(driver, lambda d: [x for x in css(d, "#token-dialog") if x.get_attribute("open") is not None])[0]
    dialog.find_element("css selector", "#token-input").send_keys(http.headers["Authorization"].split()[1])
    dialog.find_element("css selector", "button[value=ok]").click()
    wait(driver, lambda d: "Chưa có văn bản nào" in css(d, "#inbox-rows")[0].text)
    css(driver, "#reviewer")[0].send_keys(CLERK, Keys.TAB)  # sent, but with a token its name is the author

    # upload: two samples at once, then a broken file whose reason is shown
    upload(driver, SAMPLES / "quyet-dinh.pdf", SAMPLES / "ke-hoach.html")
    statuses = [item.text for item in css(driver, ".upload-item")]
    assert all("Đã nhận" in text for text in statuses), statuses
    rows(driver, 2)
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    upload(driver, broken)
    refused = css(driver, ".upload-item.refused")
    assert len(refused) == 1 and "hong.pdf" in refused[0].text
    assert "Không nhận (400)" in refused[0].text and "unreadable file 'hong.pdf'" in refused[0].text
    assert all("Mới" in row.text for row in rows(driver, 2))
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / "inbox.png"))

    # search without diacritics
    search = css(driver, "input[name=q]")[0]
    search.send_keys("so noi vu", Keys.ENTER)
    wait(driver, lambda d: "q=so" in d.current_url)
    rows(driver, 2)  # the lead of a task in each
    search = css(driver, "input[name=q]")[0]
    search.clear()
    search.send_keys("uy ban nhan dan tinh phu yen", Keys.ENTER)
    wait(driver, lambda d: "phu+yen" in d.current_url)
    assert "95/KH-UBND" in rows(driver, 1)[0].text
    css(driver, "select[name=state]")[0].send_keys("Đã")  # no document is reviewed yet
    css(driver, "#filters button")[0].click()
    wait(driver, lambda d: "state=reviewed" in d.current_url)
    rows(driver, 0)

    # the decision (PDF): pages as images, a task's clause and evidence marked on the page
    driver.get(site + "/")
    rows(driver, 2)
    next(link for link in css(driver, "table.inbox a") if link.text == "789/QĐ-UBND").click()
    wait(driver, lambda d: css(d, "#tasks .task") and css(d, "#original .line-box"))
    wait(driver, lambda d: d.execute_script("const i = document.querySelector('.page img'); "
                                            "return i && i.complete && i.naturalWidth > 0"))
    tasks = css(driver, "#tasks .task")
    assert len(tasks) == 4
    tasks[1].click()
    marked = css(driver, "#original .line-box.clause")
    assert marked and "lộ trình tự chủ tài chính" in " ".join(box.get_attribute("title") for box in marked)
    assert css(driver, "#original .line-box.ev-deadline")
    assert "selected" in tasks[1].get_attribute("class")

    # keyboard: k back to the first task, e to edit, a new deadline and lead, Enter to save
    body = css(driver, "body")[0]
    body.send_keys("k")
    wait(driver, lambda d: "selected" in css(d, "#tasks .task")[0].get_attribute("class"))
    assert "trước ngày 30/6/2024" in " ".join(b.get_attribute("title") for b in css(driver, ".line-box.ev-deadline"))
    body.send_keys("e")
    form = wait(driver, lambda d: css(d, "#tasks .task-form"))[0]
    date_input = form.find_element("css selector", "input[name=deadline_date]")
    driver.execute_script("arguments[0].value = '2024-08-15'", date_input)
    text = form.find_element("css selector", "input[name=deadline_text]")
    text.clear()
    text.send_keys("trước ngày 15/8/2024")
    lead = form.find_element("css selector", "input[name=lead]")
    lead.clear()
    lead.send_keys("Sở Nội vụ", Keys.ENTER)
    wait(driver, lambda d: "Đã lưu" in css(d, "#status")[0].text)
    first = css(driver, "#tasks .task")[0]
    assert "Sở Nội vụ" in first.text and "15/08/2024" in first.text and not css(driver, "#tasks .task-form")

    # Đã kiểm tra
    css(driver, "#mark-reviewed")[0].click()
    wait(driver, lambda d: css(d, "#review-state")[0].text == "Đã kiểm tra")
    assert CLERK in css(driver, "#history")[0].text
    css(driver, "#tasks .task")[1].click()
    driver.execute_script("document.querySelector('#tasks .task.selected').scrollIntoView({block: 'center'})")
    driver.save_screenshot(str(SHOTS / "document.png"))

    # the text view of the plan (HTML): the clause's line marked, agencies and deadline phrase in <mark>
    driver.get(site + "/?state=new")
    rows(driver, 1)
    next(link for link in css(driver, "table.inbox a") if link.text == "95/KH-UBND").click()
    wait(driver, lambda d: css(d, "#tasks .task") and css(d, "#original .line"))
    css(driver, "#tasks .task")[0].click()
    clause = css(driver, "#original .line.clause")
    assert len(clause) == 1 and clause[0].text.startswith("Sở Nội vụ chủ trì")
    assert {m.get_attribute("class") for m in clause[0].find_elements("css selector", "mark")} == {
        "ev-lead", "ev-support", "ev-deadline"}
    body = css(driver, "body")[0]
    body.send_keys("j")
    wait(driver, lambda d: "selected" in css(d, "#tasks .task")[1].get_attribute("class"))

    # a header field, a new task, and its deletion
    subject = css(driver, "#header-form textarea[name=subject]")[0]
    subject.clear()
    subject.send_keys("Đo lường sự hài lòng năm 2024 (đã sửa)")
    css(driver, "#header-form input[name=number]")[0].send_keys(Keys.ENTER)
    wait(driver, lambda d: "Đã lưu (bản sửa 1" in css(d, "#status")[0].text)
    css(driver, "#add-task")[0].click()
    form = wait(driver, lambda d: css(d, "#tasks .task-form"))[0]
    form.find_element("css selector", "input[name=title]").send_keys("Báo cáo kết quả đo lường")
    form.find_element("css selector", "input[name=lead]").send_keys("Sở Tài chính", Keys.ENTER)
    wait(driver, lambda d: len(css(d, "#tasks .task")) == 6 and not css(d, "#tasks .task-form"))
    assert "Sở Tài chính" in css(driver, "#tasks .task")[5].text
    css(driver, "#tasks .task")[5].click()
    css(driver, "body")[0].send_keys("e")
    wait(driver, lambda d: css(d, "#tasks .task-form"))[0].find_element("css selector", "button.delete").click()
    wait(driver, lambda d: d.switch_to.alert).accept()
    wait(driver, lambda d: len(css(d, "#tasks .task")) == 5 and "bản sửa 3" in css(d, "#status")[0].text)
    plan_id = driver.execute_script("return document.body.dataset.docId")
    stored = http.get(f"{site}/v1/documents/{plan_id}").json()
    assert stored["document"]["subject"] == "Đo lường sự hài lòng năm 2024 (đã sửa)" and len(stored["tasks"]) == 5
    assert [r["revision"] for r in http.get(f"{site}/v1/documents/{plan_id}/review").json()["revisions"]] == [
        0, 1, 2, 3]
    driver.set_window_size(820, 1180)  # a tablet held upright: one column
    driver.save_screenshot(str(SHOTS / "document-tablet.png"))
    driver.set_window_size(1440, 1000)

    # what the trackers get: the correction
    tasks = http.get(site + "/v1/tasks", params={"lead": "Sở Nội vụ"}).json()
    corrected = next(t for t in tasks if t["clause"] == "2.1")
    assert corrected["lead"] == ["Sở Nội vụ"] and corrected["deadline_date"] == "2024-08-15"
    calendar = icalendar.Calendar.from_ical(http.get(site + "/v1/tasks.ics").content)
    todo = next(t for t in calendar.walk("VTODO") if str(t.get("x-congvan-clause")) == "2.1"
                and "789" in str(t.get("x-congvan-task-id")))
    assert todo.decoded("due").isoformat() == "2024-08-15"
    attendees = todo.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [a.params["CN"] for a in attendees if a.params.get("ROLE") == "CHAIR"] == ["Sở Nội vụ"]
    summary = {d["number"]: d["review_state"] for d in http.get(site + "/v1/documents").json()}
    assert summary == {"789/QĐ-UBND": "reviewed", "95/KH-UBND": "new"}
    doc_id = next(d["id"] for d in http.get(site + "/v1/documents").json() if d["number"] == "789/QĐ-UBND")
    history = http.get(f"{site}/v1/documents/{doc_id}/review").json()
    assert history["reviewed_by"] == CLERK and history["revisions"][-1]["author"] == CLERK

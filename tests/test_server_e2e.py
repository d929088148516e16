"""End to end in a real headless Chromium: upload 03/NQ-CP to the review page, see its tasks, follow a row
to its text and back, change one lead, add and delete a task, export xlsx and find the change in the
workbook, save the corrections as a gold file. Screenshots go to ``test-artifacts/`` (git-ignored).

Skips with a message when Debian's chromium / chromium-driver are absent (``.ci/run`` installs them).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from browser import ROOT, chromium, have_browser, running_server
from conftest import corpus_file

ARTIFACTS = ROOT / "test-artifacts"
SEED = "seeds/004_73d4ecd4209fcbe0.txt"
NEW_LEAD = "Bộ Tư pháp"


@pytest.fixture(scope="module")
def browser_missing() -> None:
    missing = have_browser()
    if missing:
        pytest.skip(f"headless Chromium test skipped: {missing}")


def _wait(predicate, timeout: float = 120.0, what: str = "condition"):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_review_page_upload_edit_export(browser_missing: None, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from vbpl_extract.evaluate import load_gold
    from vbpl_extract.pipeline import extract_file

    doc = corpus_file(SEED)
    expected = extract_file(doc)  # what the CLI's pipeline gives for the same file
    first = expected.tasks[0]
    assert NEW_LEAD not in [a.name for a in first.lead]
    ARTIFACTS.mkdir(exist_ok=True)
    downloads = tmp_path / "downloads"
    downloads.mkdir()

    with running_server() as (url, _proc), chromium(downloads) as driver:
        driver.get(url + "/")
        assert "Rà soát nhiệm vụ" in driver.title
        driver.find_element(By.ID, "file").send_keys(str(doc.resolve()))
        count = _wait(lambda: driver.find_element(By.ID, "task-count").get_attribute("data-count"),
                      what="the task table")
        rows = driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")
        assert int(count) == len(rows) == len(expected.tasks) == 113
        # the source text is shown and every task has its number badge at its span
        assert len(driver.find_elements(By.CSS_SELECTOR, "#source .tstart")) == len(expected.tasks)
        driver.save_screenshot(str(ARTIFACTS / "review-loaded.png"))

        # clicking a row marks its source text
        rows[2].click()
        marked = _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#source .cur"), what="marked source text")
        marked_text = "".join(s.text for s in marked)
        assert " ".join(expected.tasks[2].text.split()[:4]) in " ".join(marked_text.split())
        # and clicking the source text selects its row
        badge = driver.find_elements(By.CSS_SELECTOR, "#source .tstart")[5]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", badge)
        badge.click()
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, '#tasks tbody tr.cur[data-index="5"]'),
              what="row 6 selected from the source")

        # double-clicking a cell opens the editor on that cell's field; Escape closes it unchanged
        cell = driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")[3].find_element(By.CSS_SELECTOR, '[data-field="f-coord"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
        ActionChains(driver).double_click(cell).perform()
        _wait(lambda: driver.execute_script("return document.activeElement.id") == "f-coord", 10, "the coordinators field")
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        _wait(lambda: not driver.find_element(By.ID, "edit-dialog").is_displayed(), 10, "the dialog to close")

        # change the lead of task 1 in the edit dialog (keyboard only)
        rows = driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")
        edit = rows[0].find_element(By.CSS_SELECTOR, "button.edit")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", edit)
        edit.click()
        lead = _wait(lambda: driver.find_element(By.ID, "f-lead") if driver.find_element(By.ID, "f-lead").is_displayed()
                     else None, what="the edit dialog")
        lead.send_keys(Keys.CONTROL, "a")
        lead.send_keys(Keys.DELETE)
        lead.send_keys(NEW_LEAD)
        driver.save_screenshot(str(ARTIFACTS / "review-edit.png"))
        lead.send_keys(Keys.ENTER)  # submits the dialog's form
        _wait(lambda: NEW_LEAD in driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")[0].text,
              what="the new lead in the table")

        # add a task from a selected passage (outside every task), give it a lead, then delete it again
        passage = driver.execute_script("""
            const seg = [...document.querySelectorAll('#source span[data-s]')]
                .find((s) => !s.dataset.tasks && s.textContent.trim().length > 60);
            const text = seg.firstChild;
            const start = text.data.search(/\\S/);
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + 40);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            return window.getSelection().toString();""")
        _wait(lambda: driver.find_element(By.ID, "add-task").is_enabled(), 10, "the add button")
        driver.find_element(By.ID, "add-task").click()
        lead = _wait(lambda: driver.find_element(By.ID, "f-lead") if driver.find_element(By.ID, "f-lead").is_displayed()
                     else None, what="the edit dialog of the new task")
        assert driver.find_element(By.ID, "f-text").get_attribute("value") == " ".join(passage.split())
        lead.send_keys("Bộ Nội vụ", Keys.ENTER)
        count_is = lambda n: driver.find_element(By.ID, "task-count").get_attribute("data-count") == str(n)  # noqa: E731
        _wait(lambda: count_is(len(expected.tasks) + 1), 10, "the added task")
        added = [r for r in driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr") if "Bộ Nội vụ" in r.text]
        assert len(added) == 1 and "đã sửa" in added[0].text
        delete = added[0].find_element(By.CSS_SELECTOR, "button.delete")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", delete)
        delete.click()
        driver.switch_to.alert.accept()
        _wait(lambda: count_is(len(expected.tasks)), 10, "the deleted task")

        # export xlsx: the workbook holds the change, and every task
        driver.find_element(By.CSS_SELECTOR, '[data-export="xlsx"]').click()
        xlsx = _wait(lambda: [p for p in downloads.glob("*.xlsx") if p.stat().st_size > 0], 60, "the xlsx download")[0]
        time.sleep(0.5)
        driver.save_screenshot(str(ARTIFACTS / "review-exported.png"))

        # save the corrections as a gold file (the dialog proposes the uploaded file's name as its source)
        driver.find_element(By.ID, "save-gold").click()
        source = _wait(lambda: driver.find_element(By.ID, "g-source") if driver.find_element(By.ID, "g-source").is_displayed()
                       else None, 10, "the gold dialog")
        assert source.get_attribute("value") == doc.name
        source.send_keys(Keys.ENTER)
        gold_path = _wait(lambda: [p for p in downloads.glob("*.gold.json") if p.stat().st_size > 0], 60,
                          "the gold download")[0]

    gold = load_gold(gold_path)
    assert gold.source == doc.name and len(gold.tasks) == len(expected.tasks)
    assert gold.tasks[0].lead == [NEW_LEAD]
    assert gold.tasks[1].lead == list(dict.fromkeys(a.name for a in expected.tasks[1].lead))

    sheet = load_workbook(xlsx)["Nhiệm vụ"]
    header = [c.value for c in sheet[1]]
    lead_col = header.index("Cơ quan chủ trì")
    data = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(data) == len(expected.tasks)
    assert data[0][lead_col] == NEW_LEAD
    assert data[1][lead_col] == "; ".join(dict.fromkeys(a.name for a in expected.tasks[1].lead))

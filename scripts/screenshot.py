"""Screenshot of the review page with a real document loaded (the README's docs/review-page.png).

    python3 scripts/screenshot.py [--doc ../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt] [--out docs/review-page.png]

Starts ``vbpl-extract serve`` on a free loopback port, opens the page in Debian's headless Chromium
(1280×800), uploads the document and selects the task with the most filled fields.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from browser import chromium, running_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", type=Path, default=ROOT.parent / "shared/corpus/seeds/004_73d4ecd4209fcbe0.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs/review-page.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from vbpl_extract.pipeline import extract_file

    tasks = extract_file(args.doc).tasks
    # the task with the most filled fields shows the most of the page
    pick = max(range(len(tasks)), key=lambda i: (bool(tasks[i].deadline) + bool(tasks[i].coordinators)
                                                  + bool(tasks[i].product) + bool(tasks[i].report_to), -i))
    with running_server() as (url, _), chromium(Path(tempfile.mkdtemp()), args.width, args.height) as driver:
        driver.get(url + "/")
        driver.find_element(By.ID, "file").send_keys(str(args.doc.resolve()))
        WebDriverWait(driver, 120).until(lambda d: d.find_element(By.ID, "task-count").get_attribute("data-count"))
        row = driver.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")[pick]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
        row.click()
        time.sleep(1.5)  # smooth scrolling
        args.out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.out))
    print(f"wrote {args.out} (task {pick + 1} selected)")


if __name__ == "__main__":
    main()

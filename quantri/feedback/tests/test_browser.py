"""The public form on a phone-sized screen (390×844, as a common phone), in headless Chromium.

Skipped when no Chromium is installed (CI installs the Debian package `chromium`)."""

import pytest

from quantri.feedback.models import Feedback
from quantri.feedback.tests.browser import Browser, find_chromium

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        find_chromium() is None, reason="Chromium is not installed (Debian package: chromium)"
    ),
]
WIDTH, HEIGHT = 390, 844
# A long unbroken string, as pasted links are: it must wrap, not widen the page.
TEXT = "Biển quảng cáo che khuất đèn tín hiệu, ảnh ở https://anh.example.vn/" + "x" * 80

LAYOUT = """(() => {
  const width = window.innerWidth;
  const visible = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= 0;
  };
  const fields = [...document.querySelectorAll('form[enctype] select, form[enctype] textarea,'
    + ' form[enctype] input:not([type=hidden]), form[enctype] button')].filter(visible);
  const honeypot = document.querySelector('[name=website]').getBoundingClientRect();
  const button = document.querySelector('form[enctype] button[type=submit]')
    .getBoundingClientRect();
  return {
    width,
    scrollWidth: document.documentElement.scrollWidth,
    overflowing: fields.filter(el => el.getBoundingClientRect().right > width + 0.5)
      .map(el => el.name),
    names: fields.map(el => el.name),
    honeypotOnScreen: honeypot.right > 0 && honeypot.left < width,
    buttonHeight: button.height,
    textSize: parseFloat(getComputedStyle(document.querySelector('textarea')).fontSize),
  };
})()"""


@pytest.fixture
def browser():
    browser = Browser(WIDTH, HEIGHT)
    yield browser
    browser.close()


def test_a_citizen_files_feedback_on_a_phone(live_server, browser, plain_category):
    browser.open(f"{live_server.url}/feedback/new/")
    layout = browser.evaluate(LAYOUT)
    assert layout["width"] == WIDTH
    assert layout["scrollWidth"] <= WIDTH, "the page scrolls sideways on a phone"
    assert layout["overflowing"] == []
    assert {"category", "text", "consent_to_publish", "attachments"} <= set(layout["names"])
    assert "website" not in layout["names"] and not layout["honeypotOnScreen"]
    assert layout["buttonHeight"] >= 44, "the send button is too small to tap"
    assert layout["textSize"] >= 16, "phones zoom into text fields smaller than 16px"

    browser.evaluate(
        f"""document.querySelector('[name=category]').value = '{plain_category.pk}';
        document.querySelector('[name=text]').value = '{TEXT}';
        document.querySelector('[name=consent_to_publish]').checked = true;"""
    )
    browser.submit("form[enctype] button[type=submit]")

    code = browser.evaluate("document.querySelector('[data-code]').textContent")
    assert browser.evaluate("location.pathname") == f"/feedback/track/{code}/"
    assert browser.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert Feedback.objects.get(code=code).text == TEXT

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client
from django.urls import reverse

from quantri.feedback import services
from quantri.feedback.models import Feedback, FeedbackStatus
from quantri.feedback.tests.conftest import CONTACT
from quantri.feedback.tests.factories import submit

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
CONTACT_VALUES = [CONTACT.name, CONTACT.phone, CONTACT.email, CONTACT.address]


def form_data(category, **extra):
    return {
        "category": category.pk,
        "text": "Biển quảng cáo karaoke che khuất đèn tín hiệu ở ngã tư Phố Hiến.",
        "location": "Ngã tư Phố Hiến",
        "name": CONTACT.name,
        "phone": CONTACT.phone,
        "email": CONTACT.email,
        "address": CONTACT.address,
        "consent_to_publish": "on",
        "website": "",
        **extra,
    }


def answered_and_published(item, text="Đã yêu cầu chủ cơ sở tháo dỡ biển quảng cáo."):
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text=text)
    services.feedback_publish_answer(feedback=item, user=None)
    return item


def test_the_form_shows_the_active_categories_without_a_login(client, advertising):
    page = client.get(reverse("feedback:submit"))
    assert page.status_code == 200
    assert "Quảng cáo, biển hiệu" in page.text and "csrfmiddlewaretoken" in page.text


def test_a_citizen_files_feedback_and_lands_on_the_tracking_page_with_the_code(client, advertising):
    response = client.post(
        reverse("feedback:submit"),
        form_data(advertising, attachments=[SimpleUploadedFile("bien.png", PNG)]),
    )
    item = Feedback.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("feedback:track_detail", args=[item.code])
    assert (item.contact_phone, item.consent_to_publish) == (CONTACT.phone, True)
    assert item.attachments.count() == 1
    page = client.get(response.url).text
    assert page.count(item.code) >= 2  # the confirmation message and the heading
    assert "karaoke" in page
    assert not any(value in page for value in CONTACT_VALUES)


def test_the_form_is_protected_by_csrf(advertising):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("feedback:submit"), form_data(advertising)).status_code == 403
    assert not Feedback.objects.exists()


def test_a_filled_honeypot_saves_nothing(client, advertising):
    response = client.post(reverse("feedback:submit"), form_data(advertising, website="http://x"))
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_renamed_web_page_is_refused_as_an_attachment_and_nothing_is_saved(
    client_en, advertising
):
    fake = SimpleUploadedFile("anh-hien-truong.png", b"<html><script>alert(1)</script></html>")
    response = client_en.post(
        reverse("feedback:submit"), form_data(advertising, attachments=[fake])
    )
    assert response.status_code == 400
    assert "anh-hien-truong.png is not an accepted file" in response.text
    assert not Feedback.objects.exists()


def test_too_many_attachments_are_refused(client, advertising):
    files = [SimpleUploadedFile(f"anh{i}.png", PNG) for i in range(4)]
    response = client.post(reverse("feedback:submit"), form_data(advertising, attachments=files))
    assert response.status_code == 400 and not Feedback.objects.exists()


def test_an_oversized_attachment_is_refused(client, advertising, settings):
    settings.QUANTRI_FEEDBACK_MAX_ATTACHMENT_MB = 1
    big = SimpleUploadedFile("lon.png", PNG + b"\x00" * (1024 * 1024))
    response = client.post(reverse("feedback:submit"), form_data(advertising, attachments=[big]))
    assert response.status_code == 400 and not Feedback.objects.exists()


def test_posts_are_limited_per_address(client, advertising, settings):
    settings.QUANTRI_FEEDBACK_RATE_LIMIT = 2
    url = reverse("feedback:submit")
    codes = [client.post(url, form_data(advertising)).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Feedback.objects.count() == 2
    other = client.post(url, form_data(advertising), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_behind_the_trusted_proxy_each_citizen_has_their_own_limit(client, advertising, settings):
    settings.QUANTRI_FEEDBACK_RATE_LIMIT = 2
    settings.QUANTRI_TRUSTED_PROXIES = ["127.0.0.1"]  # nginx, as the README deploys it
    url = reverse("feedback:submit")

    def post(citizen):
        return client.post(url, form_data(advertising), HTTP_X_FORWARDED_FOR=citizen).status_code

    assert [post("203.0.113.7") for _ in range(3)] == [302, 302, 429]
    assert post("198.51.100.9") == 302  # another citizen through the same proxy
    # A forged address in front of the real one does not buy new posts.
    assert post("1.1.1.1, 203.0.113.7") == 429


def test_the_rate_limit_can_be_turned_off(client, advertising, settings):
    settings.QUANTRI_FEEDBACK_RATE_LIMIT = 0
    url = reverse("feedback:submit")
    assert {client.post(url, form_data(advertising)).status_code for _ in range(12)} == {302}


@pytest.mark.django_db(transaction=True)
def test_an_acknowledged_code_is_committed_before_the_response(plain_category):
    """Read back on a second connection: it sees only committed rows."""
    response = Client().post(reverse("feedback:submit"), form_data(plain_category))
    code = response.url.rstrip("/").rsplit("/", 1)[-1]
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT status FROM feedback_feedback WHERE code = %s", [code])
            assert cursor.fetchall() == [(FeedbackStatus.RECEIVED,)]
    finally:
        other.close()


def test_the_tracking_form_reads_the_code_however_it_was_typed(client_en, item):
    response = client_en.get(reverse("feedback:track"), {"code": item.code.lower()})
    assert response.url == reverse("feedback:track_detail", args=[item.code])
    unknown = client_en.get(reverse("feedback:track"), {"code": "PA-2222AB"})
    assert "No feedback has this tracking code." in unknown.text
    bad = client_en.get(reverse("feedback:track"), {"code": "hello"})
    assert "A tracking code looks like PA-7K3M9Q." in bad.text
    lowercase_url = reverse("feedback:track_detail", args=[item.code.lower()])
    assert client_en.get(lowercase_url).url == response.url


def test_the_tracking_page_shows_the_public_timeline_but_no_internal_notes(client, item):
    services.feedback_add_note(feedback=item, user=None, note="Gọi lại cho chị Bình chiều nay")
    services.feedback_reject(feedback=item, user=None, reason="Thuộc thẩm quyền UBND phường.")
    page = client.get(reverse("feedback:track_detail", args=[item.code])).text
    assert "Thuộc thẩm quyền UBND phường." in page
    assert "Gọi lại" not in page
    assert not any(value in page for value in CONTACT_VALUES)


def test_the_tracking_page_shows_the_answer_only_once_published(client, item):
    url = reverse("feedback:track_detail", args=[item.code])
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text="Đã yêu cầu tháo dỡ biển.")
    assert "Đã yêu cầu tháo dỡ biển." not in client.get(url).text
    services.feedback_publish_answer(feedback=item, user=None)
    assert "Đã yêu cầu tháo dỡ biển." in client.get(url).text


def test_the_tracking_page_keeps_the_text_private_without_consent(client, advertising):
    item = submit(advertising, text="Nhà văn hóa thôn Đông thu tiền sai quy định")
    assert (
        "Nhà văn hóa thôn Đông"
        not in client.get(reverse("feedback:track_detail", args=[item.code])).text
    )


def test_an_unknown_code_is_not_found(client, item):
    assert client.get(reverse("feedback:track_detail", args=["PA-2222AB"])).status_code == 404


def test_published_answers_are_listed_and_found_without_diacritics(client, advertising):
    shown = answered_and_published(submit(advertising, contact=CONTACT, consent_to_publish=True))
    hidden = submit(advertising, text="Chưa trả lời")
    url = reverse("feedback:published")
    page = client.get(url).text
    assert shown.code in page and "tháo dỡ biển quảng cáo" in page
    assert hidden.code not in page
    assert not any(value in page for value in CONTACT_VALUES)
    assert shown.code in client.get(url, {"q": "thao do bien quang cao"}).text
    assert shown.code not in client.get(url, {"q": "thu vien"}).text


def test_the_health_view_answers_without_a_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("feedback:healthz"))
    assert response.text == "ok"

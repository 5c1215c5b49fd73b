"""The inbox page and /api/feedback read one list (Feedback.objects.inbox): the same gate and
the same filters. Before issue 11 the API had neither the gate nor the page's filters."""

import pytest

from quantri.feedback import services
from quantri.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_inbox_api_refuses_whoever_the_inbox_page_refuses(client, item):
    """A signed-in account with no role in any unit has no inbox, on the page or the API."""
    client.force_login(UserFactory(username="zoe"))
    assert client.get("/feedback/inbox/").status_code == 403
    assert client.get("/api/feedback").status_code == 403


def test_the_inbox_api_filters_open_items_by_unit_category_and_words_like_the_page(
    client, alice, item, library_item, culture_unit
):
    services.feedback_accept(feedback=library_item, user=alice, note="")
    client.force_login(alice)

    def codes(query: str) -> set[str]:
        return {row["code"] for row in client.get(f"/api/feedback?{query}").json()}

    assert codes("status=open") == {item.code, library_item.code}
    assert codes("status=accepted") == {library_item.code}
    assert codes(f"unit={culture_unit.pk}") == {item.code}
    assert codes("category=thu-vien") == {library_item.code}
    assert codes("q=niêm yết") == {library_item.code}
    assert codes(f"q={item.code}") == {item.code}

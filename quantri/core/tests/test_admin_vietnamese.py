"""The admin site as a Vietnamese administrator reads it: every app, model and field label on
the index and the add forms is Vietnamese, including Django's own and django-axes' labels."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

# A Vietnamese label carries at least one letter with a diacritic; an English one has none.
VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
# Loanwords and codes Vietnamese offices write as they are.
LOANWORDS = {"E-mail", "ID", "URL", "API"}


def english(labels: list[str]) -> list[str]:
    cleaned = (re.sub(r"<[^>]+>", "", label).strip().rstrip(":") for label in labels)
    return sorted({t for t in cleaned if t and t not in LOANWORDS and not VIETNAMESE.search(t)})


@pytest.fixture
def root(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="quantri", password="x", email="quantri@example.vn"
    )
    client.force_login(user)
    return client


def test_the_admin_index_names_every_app_and_model_in_vietnamese(root):
    html = root.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    apps = re.findall(r"<caption>\s*<a[^>]*>(.*?)</a>", html, re.S)
    models = re.findall(r'<th scope="row" id="[^"]*">\s*<a[^>]*>(.*?)</a>', html, re.S)
    headers = re.findall(r'<th scope="col">(.*?)</th>', html, re.S)
    assert len(apps) > 10 and len(models) > 40
    assert english(apps + models + headers) == []


def test_the_admin_add_forms_label_every_field_in_vietnamese(root):
    labels = []
    for model in admin.site._registry:
        meta = model._meta
        response = root.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        if response.status_code == 200:  # some models are read-only in the admin
            labels += re.findall(r"<label[^>]*>(.*?)</label>", response.content.decode(), re.S)
    assert len(labels) > 100
    assert english(labels) == []

"""The names the desk's pages give the four letters are the titles of Circular 03/2025/TT-VPCP,
Phụ lục I, Mẫu số 02–05 (slips.SOURCES), as printed at the head of each DOCX: a 2018 title
on the page beside a 2025 letter would tell the citizen two different things."""

from django.utils import translation

from quantri.dossiers import desk_slips
from quantri.dossiers.models import LetterKind

FORMS = {
    LetterKind.ADDITIONAL_REQUEST: desk_slips.ADDITIONAL_REQUEST,
    LetterKind.REFUSAL: desk_slips.REFUSAL,
    LetterKind.APOLOGY: desk_slips.APOLOGY,
    LetterKind.STOP_NOTICE: desk_slips.STOP_NOTICE,
}


def test_every_letter_kind_reads_in_vietnamese_as_its_forms_title():
    with translation.override("vi"):
        labels = {kind: str(kind.label) for kind in LetterKind}
    assert labels == {kind: form.title for kind, form in FORMS.items()}


def test_form_04_no_longer_carries_the_2018_title():
    with translation.override("vi"):
        assert str(LetterKind.APOLOGY.label) == (
            "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"
        )

"""What the public may see of a feedback item: one place, so pages, the API and Open311 agree.

Never contact details; the citizen's own text only when they agreed to its publication; the
answer only once the office published it; internal notes never.
"""

from quantri.feedback.models import Feedback, FeedbackEvent


def public_text(feedback: Feedback) -> str:
    return feedback.text if feedback.consent_to_publish else ""


def public_answer(feedback: Feedback) -> str:
    return feedback.answer_text if feedback.answer_published else ""


def public_location(feedback: Feedback) -> dict:
    """Where the matter is, only with consent: people often give their own address."""
    if not feedback.consent_to_publish:
        return {"location": "", "latitude": None, "longitude": None}
    return {
        "location": feedback.location,
        "latitude": feedback.latitude,
        "longitude": feedback.longitude,
    }


def public_events(feedback: Feedback) -> list[FeedbackEvent]:
    return list(feedback.events.filter(is_public=True).select_related("unit"))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "quantri.feedback"
    verbose_name = _("Citizen feedback")

    def ready(self) -> None:
        from quantri.core.errors import register_error_shape
        from quantri.core.nav import NavItem, register
        from quantri.feedback.open311.views import error_document

        register_error_shape("/open311/", error_document)

        from quantri.feedback.services import feedback_hand_over
        from quantri.orgs import successions

        successions.register(feedback_hand_over)

        register(
            NavItem(
                _("Send feedback"), "feedback:submit", order=60, audience="public", group="public"
            ),
            NavItem(
                _("Answers to feedback"),
                "feedback:published",
                order=61,
                audience="public",
                group="public",
            ),
            NavItem(
                _("Feedback inbox"),
                "feedback:inbox",
                order=62,
                audience=lambda request, access: access.uses_feedback_inbox(),
                group="public",
            ),
        )

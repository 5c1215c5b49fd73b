"""Response headers for every page that Django has no setting for."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy, turning off browser features no page uses, so a script that
    slipped in could not reach the camera or the user's location."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.QUANTRI_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response

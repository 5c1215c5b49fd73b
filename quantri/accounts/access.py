"""Who administers whose account: an administrator (Role.ADMIN held in a unit) administers the
people of that unit's subtree. Superusers administer everyone; the command line acts as the
system (`by=None`) and may do anything."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from quantri.orgs.access import Access
from quantri.orgs.models import Agency, Membership, Role


def administered_agency_ids(access: Access) -> set[int]:
    ids: set[int] = set()
    for membership in access.memberships:
        if membership.role == Role.ADMIN:
            ids |= Agency.objects.subtree_ids(membership.agency)
    return ids


def administers_accounts(access: Access) -> bool:
    return access.is_superuser or bool(administered_agency_ids(access))


def administrable_agencies(access: Access) -> QuerySet:
    """The units an administrator may invite people into."""
    if access.is_superuser:
        return Agency.objects.active()
    return Agency.objects.active().filter(pk__in=administered_agency_ids(access))


def administrable_users(access: Access) -> QuerySet:
    """People with a role somewhere in the administrator's subtree and no current role outside
    it: an administrator of one department never locks out someone another one also employs.
    Superusers are administered by superusers only."""
    users = get_user_model().objects.all()
    if access.is_superuser:
        return users
    inside = administered_agency_ids(access)
    outside = Membership.objects.active().exclude(agency_id__in=inside).values("user_id")
    return (
        users.filter(memberships__agency_id__in=inside)
        .exclude(Q(pk__in=outside) | Q(is_superuser=True))
        .distinct()
    )


def can_administer_user(access: Access, user) -> bool:
    return administrable_users(access).filter(pk=user.pk).exists()

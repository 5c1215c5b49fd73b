"""The public catalogue: search with filters and a page per procedure. No login, no script."""

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import render

from quantri.orgs.access import Access
from quantri.procedures.forms import CatalogueSearchForm
from quantri.procedures.models import Procedure

PAGE_SIZE = 20


def search(request):
    form = CatalogueSearchForm(request.GET or None)
    filters = form.filters() if request.GET else {"q": "", "field": "", "level": "", "online": ""}
    rows = Procedure.objects.published().for_search()
    rows = rows.filter_by(**{k: filters[k] for k in ("field", "level", "online")})
    page = search_page(rows.search(filters["q"]), request.GET.get("page"), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "filters": filters}
    return render(request, "procedures/search.html", context)


def search_page(rows, number, size: int) -> Page:
    """A Paginator page from page_with_total: the same two queries as the API, and a page
    number past the end gives the last page."""
    try:
        number = int(number or 1)
    except (TypeError, ValueError):
        number = 1
    items, total, number = rows.page_with_total(number, size)
    paginator = Paginator(rows, size)
    paginator.count = total  # known already: the paginator must not count again
    return Page(items, number, paginator)


def detail(request, code: str):
    """Published procedures for everyone; the office also previews its unpublished ones."""
    procedure = Procedure.objects.for_list().prefetch_related("fees").filter(code=code).first()
    if procedure is None or not Access.for_request(request).can_view_procedure(procedure):
        raise Http404
    return render(request, "procedures/detail.html", {"procedure": procedure})

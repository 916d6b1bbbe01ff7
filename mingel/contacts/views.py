from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from mingel.contacts import selectors


@login_required
def contact_list(request):
    q = request.GET.get("q", "")
    tag = request.GET.get("tag", "")
    sort = request.GET.get("sort", "name")
    contacts = selectors.contacts_list(owner=request.user, q=q, tag=tag, sort=sort)
    page = Paginator(contacts, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "contacts/contact_list.html", {"page": page, "q": q, "tag": tag, "sort": sort}
    )

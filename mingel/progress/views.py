from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from mingel.followups.selectors import user_today
from mingel.progress import charts, selectors


@login_required
def progress(request):
    data = selectors.progress_for(owner=request.user, today=user_today(request.user))
    context = {"progress": data, "charts": charts.build(data)}
    return TemplateResponse(request, "progress/progress.html", context)

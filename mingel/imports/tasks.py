"""Background tasks of the imports: applying a large import outside the request."""

from django.tasks import task

from mingel.imports import services
from mingel.imports.models import ImportJob


@task
def import_job_run(job_id: int) -> str:
    """Applies a job that import_job_start claimed; returns the job's status at the end.
    A job that is no longer `running` when the worker gets to it (deleted with its
    account, or given up as interrupted) is left as it is."""
    job = ImportJob.objects.select_related("owner").filter(pk=job_id, status="running").first()
    if job is None:
        return "gone"
    return services.import_job_apply(job=job).status

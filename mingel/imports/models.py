from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One upload on its way in: the file waits in the database (ImportUpload, see
    storage.py) between the preview and the apply; the preview and the result are kept as
    JSON summaries. `rows_done` is how far a running import has got (see progress.py)."""

    SOURCE_CHOICES = [
        ("linkedin", _("LinkedIn connections (Connections.csv)")),
        ("vcard", _("vCard file (.vcf) from Google, Apple, Android, Outlook or Monica")),
        ("csv", _("Spreadsheet (CSV) with a header row")),
    ]
    STATUS_CHOICES = [
        ("mapping", _("Choose columns")),
        ("preview", _("Ready to import")),
        ("running", _("Importing")),
        ("done", _("Imported")),
        ("failed", _("Failed")),
    ]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    source = models.CharField(max_length=10, choices=SOURCE_CHOICES)
    filename = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default="preview")
    encoding = models.CharField(max_length=20, blank=True)
    delimiter = models.CharField(max_length=1, blank=True)
    headers = models.JSONField(default=list, blank=True)
    # A CSV's first few values per column (core.importers.csvfile.column_samples).
    samples = models.JSONField(default=list, blank=True)
    mapping = models.JSONField(default=dict, blank=True)
    preview = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    failure = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows_done = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.source} import {self.filename}"

    @property
    def rows(self) -> int:
        """Rows the preview counted, for the progress bar."""
        p = self.preview
        return sum(p.get(k, 0) for k in ("created", "updated", "skipped", "error_count"))


class ImportUpload(models.Model):
    """One piece (about 1 MB) of the file a job waits to import, kept in the database so
    that whichever app process gets the next request finds it (see storage.py). Deleting
    the job deletes its pieces."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="upload_parts")
    seq = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "seq"], name="import_upload_job_seq"),
        ]

    def __str__(self):
        return f"part {self.seq} of import {self.job_id}"

"""Writes for imports. `import_records` is the one function that writes contacts, tags and
interactions from an import; everything else here manages the uploads around it."""

import contextlib
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.core.contact_fields import tag_key
from mingel.core.importers import csvfile
from mingel.core.importers.model import EventRef, FileError, Record, RowError
from mingel.core.importers.plan import Person, Summary
from mingel.core.importers.text import detect_encoding
from mingel.events.models import Event
from mingel.imports import bulk, progress, selectors, sources, storage
from mingel.imports.models import ImportJob
from mingel.search.services import search_reindex

logger = logging.getLogger(__name__)

BATCH = 1000
# Imports up to this many rows run within the request; longer ones as a background task
# (imports.tasks) while the page polls their progress.
INLINE_ROWS = 2000
PROGRESS_EVERY = 250
STALE_AFTER = dt.timedelta(minutes=30)
EVENT_KINDS = {kind for kind, _label in Event.KIND_CHOICES}


def import_records(
    *,
    owner,
    records: Iterable[Record | RowError],
    dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> Summary:
    """Imports the records for `owner`, all or nothing, and says what it did. With
    `dry_run` it only says what it would do (the preview): the same decisions, no writes.

    Raises FileError (and writes nothing) when the file turns out unreadable part-way.
    New contacts are written in batches as the file streams by; contacts that existed get
    their empty fields filled, tags and LinkedIn dates added, in bulk at the end."""
    summary = Summary()
    writer = None if dry_run else Writer(owner)
    # No transaction for a dry run: on SQLite it would take the write lock for nothing.
    with transaction.atomic() if writer else contextlib.nullcontext():
        if writer:
            # Two imports for one user at once (the page and the CLI) take turns, so the
            # second sees what the first created instead of creating it again. (SQLite's
            # IMMEDIATE transactions queue anyway; PostgreSQL needs the row lock.)
            type(owner).objects.select_for_update().only("pk").get(pk=owner.pk)
            writer.load_tags()
        planner = selectors.planner_for(owner)
        for count, item in enumerate(records, 1):
            summary.count(planner.take(item))
            if len(planner.pending) >= BATCH:
                people = planner.take_pending()
                if writer:
                    writer.create(people)
            if on_progress and count % PROGRESS_EVERY == 0:
                on_progress(count)
        people, changed = planner.take_pending(), planner.take_dirty()
        if writer:
            writer.create(people)
            writer.update(changed)
            search_reindex(contact_ids=writer.touched)
    return summary


class Writer:
    """Bulk writes for one import, inside its transaction."""

    def __init__(self, owner):
        self.owner = owner
        self.now = timezone.now()
        self.tags: dict[str, Tag] = {}
        self.events: dict[tuple[str, dt.date], int] | None = None
        self.touched: list[int] = []

    def load_tags(self) -> None:
        self.tags = {tag_key(t.name): t for t in Tag.objects.filter(owner=self.owner)}

    def create_tags(self, names) -> None:
        """The owner's tags of these names that do not exist yet, in one INSERT."""
        new: dict[str, str] = {}
        for name in names:
            key = tag_key(name)
            if key not in self.tags and key not in new:
                new[key] = name
        if new:
            ids = bulk.insert(Tag, [{"owner_id": self.owner.pk, "name": n} for n in new.values()])
            for (key, name), pk in zip(new.items(), ids, strict=True):
                self.tags[key] = Tag(pk=pk, owner_id=self.owner.pk, name=name)

    def tag_id(self, name: str) -> int:
        tag = self.tags.get(tag_key(name))
        if tag is None:
            tag = self.tags[tag_key(name)] = Tag.objects.create(owner=self.owner, name=name)
        return tag.pk

    def event_id(self, ref: EventRef | int | None) -> int | None:
        """The id of the owner's event a card names (same name, same day), created when
        there is none; an id stays an id."""
        if ref is None or isinstance(ref, int):
            return ref
        if self.events is None:
            rows = Event.objects.filter(owner=self.owner).values_list("id", "name", "date")
            self.events = {}
            for pk, name, day in rows.order_by("-id"):
                self.events[(name.casefold(), day)] = pk
        key = (ref.name.casefold(), ref.date)
        if key not in self.events:
            kind = ref.kind if ref.kind in EVENT_KINDS else "other"
            event = Event(owner=self.owner, name=ref.name, date=ref.date, kind=kind)
            event.full_clean()
            event.save()
            self.events[key] = event.pk
        return self.events[key]

    def create(self, people: list[Person]) -> None:
        for p in people:
            # As contact_create: the day you met is on the timeline.
            if p.met_on and (p.last_interaction_on is None or p.met_on > p.last_interaction_on):
                p.last_interaction_on = p.met_on
        ids = bulk.insert(
            Contact,
            [
                {
                    "owner_id": self.owner.pk,
                    "name": p.name,
                    "company": p.company,
                    "role": p.role,
                    "email": p.email,
                    "phone": p.phone,
                    "linkedin_url": p.linkedin_url,
                    "met_on": p.met_on,
                    "where_met": p.where_met,
                    "talked_about": p.talked_about,
                    "notes": p.notes,
                    "keep_in_touch_days": p.keep_in_touch_days,
                    "event_id": self.event_id(p.event),
                    "last_interaction_on": p.last_interaction_on,
                }
                for p in people
            ],
        )
        for person, pk in zip(people, ids, strict=True):
            person.id = pk
        bulk.insert(
            Interaction,
            [
                {
                    "owner_id": self.owner.pk,
                    "contact_id": p.id,
                    "kind": "met",
                    "date": p.met_on,
                    "summary": p.talked_about,
                }
                for p in people
                if p.met_on
            ],
        )
        for person in people:
            # Written; only whether there are any matters from here.
            person.notes = person.talked_about = ""
        self.extras(people)

    def update(self, people: list[Person]) -> None:
        groups = defaultdict(list)
        for person in people:
            if person.dirty:
                groups[tuple(sorted(person.dirty))].append(person)
        for fields, group in groups.items():
            for person in group:
                person.event = self.event_id(person.event)
            bulk.update(
                Contact,
                [*(f"{f}_id" if f == "event" else f for f in fields), "updated_at"],
                [(p.id, *(getattr(p, f) for f in fields), self.now) for p in group],
            )
        for person in people:
            person.notes = person.talked_about = ""
        self.extras(people)

    def extras(self, people: list[Person]) -> None:
        """The people's new LinkedIn connection dates and tags. Their last_interaction_on
        was raised by the planner already and is written with the contact."""
        owner_id = self.owner.pk
        bulk.insert(
            Interaction,
            [
                {"owner_id": owner_id, "contact_id": p.id, "kind": "linkedin", "date": day}
                for p in people
                for day in p.new_dates
            ],
        )
        self.create_tags(t for p in people for t in p.new_tags)
        bulk.insert(
            Contact.tags.through,
            [{"contact_id": p.id, "tag_id": self.tag_id(t)} for p in people for t in p.new_tags],
        )
        for person in people:
            person.new_dates, person.new_tags, person.dirty = (), (), ()
            self.touched.append(person.id)


def import_job_create(*, owner, source: str, upload) -> ImportJob:
    """Reads the upload once: a CSV's header (the job then waits for its mapping) or the
    whole file for the preview; then keeps it in the database with the job. FileError or
    storage.TooLarge when it cannot be used; nothing is kept then."""
    storage.remove_stale()
    job = ImportJob(owner=owner, source=source, filename=upload.name[:200])
    with storage.temp_copy(upload.chunks()) as path:
        if source == "csv":
            layout = csvfile.layout(path)
            job.encoding, job.delimiter = layout.encoding, layout.delimiter
            job.headers = list(layout.headers)
            job.samples = [list(values) for values in layout.samples]
            job.mapping = csvfile.guess_mapping(layout.headers)
            job.status = "mapping"
        else:
            job.encoding = detect_encoding(path)
            records = sources.parse(job, path)
            job.preview = import_records(owner=owner, records=records, dry_run=True).to_dict()
            job.status = "preview"
        with transaction.atomic():
            job.save()
            storage.store(job, path)
    return job


def import_job_map(*, job: ImportJob, mapping: dict[str, int]) -> ImportJob:
    """Sets a CSV job's column mapping and previews it; FileError leaves the job as it was."""
    job.mapping = mapping
    preview = import_records(owner=job.owner, records=sources.records(job), dry_run=True)
    job.preview = preview.to_dict()
    job.status = "preview"
    job.save(update_fields=["mapping", "preview", "status"])
    return job


def import_job_cancel(*, job: ImportJob) -> None:
    job.delete()  # and its upload with it


def import_job_start(*, job: ImportJob) -> bool:
    """Applies a previewed job: within this request when it is small, else queues it for
    the task worker once the claim is committed. False when the job was not waiting to be
    applied (a second click, for example)."""
    now = timezone.now()
    claimed = ImportJob.objects.filter(pk=job.pk, status="preview").update(
        status="running", started_at=now
    )
    if not claimed:
        return False
    job.status, job.started_at = "running", now
    # A queued job becomes known to progress (and so never stale) in the process whose
    # worker runs it, when it starts; until then its recent started_at keeps it alive.
    if job.rows <= INLINE_ROWS:
        import_job_apply(job=job)
    else:
        # Imported here: the task module imports this one.
        from mingel.imports.tasks import import_job_run

        transaction.on_commit(lambda: import_job_run.enqueue(job.pk))
    return True


def import_job_apply(*, job: ImportJob) -> ImportJob:
    """Runs the import; the job ends `done` with its result or `failed` with the reason
    (and then nothing was imported). The upload is removed either way."""
    reporter = progress.Reporter(job.pk)
    try:
        summary = import_records(
            owner=job.owner, records=sources.records(job), on_progress=reporter
        )
    except FileError as exc:
        job.status = "failed"
        job.failure = {"code": exc.code, "line": exc.line, "params": exc.params}
    except Exception:
        logger.exception("import %s failed", job.pk)
        job.status = "failed"
        job.failure = {"code": "internal", "line": 0, "params": {}}
    else:
        job.status = "done"
        job.result = summary.to_dict()
    finally:
        reporter.close()
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "failure", "result", "finished_at"])
    storage.remove(job)
    progress.forget(job.pk)
    return job


def import_job_check_stale(*, job: ImportJob) -> ImportJob:
    """A job still `running` long after it started, that this process is not running, was
    cut off by a restart (or its worker was stopped): its transaction never committed, so
    it is marked failed with nothing imported, and its task, should a worker still reach
    it, leaves it so. (Another process may be running a recent one: that is left be.)"""
    if (
        job.status == "running"
        and not progress.known(job.pk)
        and (job.started_at is None or timezone.now() - job.started_at > STALE_AFTER)
    ):
        job.status = "failed"
        job.failure = {"code": "interrupted", "line": 0, "params": {}}
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "failure", "finished_at"])
        storage.remove(job)
    return job

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from kopru.core import access
from kopru.core.enums import Visibility
from kopru.core.models import Note


@transaction.atomic
def add_note(record, *, author, text: str, visibility: str) -> Note:
    """An internal note belongs to its author's side; admins' internal notes need a side too."""
    owner_side = access.side_of(author)
    if visibility == Visibility.INTERNAL and not owner_side:
        visibility = Visibility.SHARED
    note = Note(
        author=author,
        text=text.strip(),
        visibility=visibility,
        owner_side=owner_side if visibility == Visibility.INTERNAL else "",
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
    )
    note.full_clean()
    note.save()
    return note


def notes_for(record, user):
    content_type = ContentType.objects.get_for_model(record)
    notes = Note.objects.filter(content_type=content_type, object_id=record.pk).select_related("author")
    return access.visible_to(notes, user)

"""Bench-only URLconf (bench/load.py): a bare view reading one row by primary key, then the project's URLs.

It is mounted only by bench/load_settings.py, never by the project's own settings.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from kopru import urls
from kopru.core.models import Document

handler500 = urls.handler500


def floor(request, pk: int):
    """The framework floor: the whole middleware stack, one primary-key read, a tiny response."""
    return HttpResponse(Document.objects.only("title").get(pk=pk).title)


def layout(request, pk: int):
    """The floor's read inside the chrome every signed-in page shares (session, user, menu, language)."""
    return render(request, "bench_layout.html", {"title": Document.objects.only("title").get(pk=pk).title})


urlpatterns = [
    path("bench/floor/<int:pk>/", floor),
    path("bench/layout/<int:pk>/", layout),
    *urls.urlpatterns,
]

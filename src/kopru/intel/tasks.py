from django_tasks import task

from kopru.intel.domain.analysis import run_item


@task()
def extract_document(*, item_id: int) -> None:
    """Extract one ingested document; takes an id and re-reads everything from the database."""
    run_item(item_id)

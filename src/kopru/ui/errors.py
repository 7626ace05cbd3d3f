"""One error path: a Django ValidationError raised by a domain function becomes form errors or messages on
a page, and one 422 body on the API.

The API's 422 is Django Ninja's own shape, used for every operation, whether the error comes from the
request's schema, a form, a domain refusal or a number too large for the database:

    {"detail": [{"loc": ["body", "payload", "name"], "msg": "Required.", "type": "value_error"}]}

`loc` ends with the field ("__all__" for a problem with the whole payload; ["path", "<param>"] when the
object the path names refuses the operation). `declare_error_responses` documents it (`ValidationErrorOut`)
as the 422 response of every operation, and `install_error_handlers` makes the API answer JSON for integers
out of range (422) and for unexpected errors (500) instead of an HTML error page.
"""

from __future__ import annotations

import json
import logging
import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError
from ninja import Schema
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger(__name__)

NON_FIELD = "__all__"
# The largest integer the databases store (a signed 64-bit BIGINT); ids and offsets beyond it are refused.
MAX_INT = 2**63 - 1
_DECIMAL_INTEGER = re.compile(r"[+-]?[0-9]+")


# --- pages ---------------------------------------------------------------------------------------------


def add_to_form(form, error: ValidationError, *, field_for=None) -> None:
    """Put a domain refusal on the form: each field's messages on that field (when the form has it; the
    domain's key names the form field through `field_for`), the rest above the form."""
    if hasattr(error, "error_dict"):
        for key, errors in error.message_dict.items():
            field = field_for(key) if field_for else key
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def add_messages(request, error: ValidationError) -> None:
    """Show a domain refusal as one error message per reason."""
    for message in error.messages:
        messages.error(request, message)


def add_form_messages(request, form, *, labelled: bool = False) -> None:
    """Show an invalid form's errors as messages (for forms posted from a page that does not re-render),
    each prefixed with its field's label when `labelled`."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if labelled and field in form.fields else ""
        for message in errors:
            messages.error(request, f"{label}: {message}" if label else message)


def attempt(request, action, success: str) -> bool:
    """Run a domain write: on success say `success`; on refusal show its reasons as messages."""
    try:
        action()
    except ValidationError as error:
        add_messages(request, error)
        return False
    messages.success(request, success)
    return True


# --- the API -------------------------------------------------------------------------------------------


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    detail: list[FieldError]


def field_error(loc: list, msg: str, kind: str = "value_error") -> dict:
    return {
        "loc": [str(part) if not isinstance(part, int) else part for part in loc],
        "msg": str(msg),
        "type": kind,
    }


def unprocessable(*errors: dict) -> NinjaValidationError:
    """A 422 made of `field_error` items."""
    return NinjaValidationError(list(errors))


def from_validation_error(
    error: ValidationError, *, where: tuple = ("body", "payload")
) -> NinjaValidationError:
    """A Django ValidationError (a domain refusal) as the API's 422: field errors under `where`, the rest
    under `where + ("__all__",)` — or pass `where=("path", "proposal_id")` for a refusal of the object."""
    items = []
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            loc = [*where, NON_FIELD if field == NON_FIELD else field]
            items += [field_error(loc, message) for message in field_messages]
    else:
        loc = [*where] if where and where[0] == "path" else [*where, NON_FIELD]
        items = [field_error(loc, message) for message in error.messages]
    return NinjaValidationError(items)


def from_form(form, *, where: tuple = ("body", "payload")) -> NinjaValidationError:
    """An invalid Django form as the API's 422."""
    return NinjaValidationError(
        [
            field_error([*where, field], message)
            for field, field_messages in form.errors.items()
            for message in field_messages
        ]
    )


def too_large(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > MAX_INT
    # ASCII digits only: str.isdigit() also accepts "¹" or "²", which int() refuses.
    if isinstance(value, str) and _DECIMAL_INTEGER.fullmatch(value.strip()):
        return abs(int(value.strip())) > MAX_INT
    return False


def _body_paths(value, path):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _body_paths(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _body_paths(item, [*path, index])
    elif too_large(value):
        yield path


def out_of_range_locations(request) -> list[list]:
    """Where in the request an integer too large for the database was sent (path, query or JSON body)."""
    found = []
    match = getattr(request, "resolver_match", None)
    for name, value in match.kwargs.items() if match else ():
        if too_large(value):
            found.append(["path", name])
    for name, values in request.GET.lists():
        if any(too_large(value) for value in values):
            found.append(["query", name])
    if request.content_type == "application/json" and request.body:
        try:
            body = json.loads(request.body)
        except ValueError:
            body = None
        found += [["body", "payload", *path] for path in _body_paths(body, [])]
    return found


def out_of_range_error(request) -> NinjaValidationError:
    locations = out_of_range_locations(request) or [["body", "payload", NON_FIELD]]
    return unprocessable(
        *(field_error(loc, "Number out of range.", "value_error.number.too_large") for loc in locations)
    )


def install_error_handlers(api) -> None:
    """JSON answers for the errors a handler does not catch itself."""

    def out_of_range(request, exc):
        locations = out_of_range_locations(request)
        if not locations and not isinstance(exc, OverflowError):
            return server_error(request, exc)  # a real integrity problem, not a number too large
        locations = locations or [["body", "payload", NON_FIELD]]
        errors = [
            field_error(loc, "Number out of range.", "value_error.number.too_large") for loc in locations
        ]
        return api.create_response(request, {"detail": errors}, status=422)

    def server_error(request, exc):
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return api.create_response(request, {"detail": "Internal server error"}, status=500)

    api.add_exception_handler(OverflowError, out_of_range)
    api.add_exception_handler(DataError, out_of_range)
    # SQLite reports an OFFSET beyond 64 bits as an integrity error ("datatype mismatch").
    api.add_exception_handler(IntegrityError, out_of_range)
    api.add_exception_handler(Exception, server_error)


def declare_error_responses(api) -> None:
    """Document the 422 body on every operation (and validate what operations return under it)."""
    for _mount, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                models = operation.response_models
                if len(models) == 1 and next(iter(models)) != 200:
                    raise ValueError(f"{operation.operation_id}: declare the success status next to the 422")
                models[422] = operation._create_response_model(ValidationErrorOut)

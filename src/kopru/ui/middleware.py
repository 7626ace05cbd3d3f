from kopru.ui.views.access import LoginRequired, login_redirect


class LoginRequiredMiddleware:
    """Turns LoginRequired raised deep in a view into the usual redirect to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return login_redirect(request)
        return None

"""Hand-written helpers beside the generated client.

This module is not generated. `scripts/sdk-python.sh generate` rewrites only `__init__.py`,
`client.py`, `errors.py`, `types.py`, `py.typed` and the `api/` and `models/` folders of this package,
so regeneration keeps it (and its post-hook formats it with the same ruff settings).
"""

from typing import Any, TypeVar

from .api.auth import login as login_operation
from .client import AuthenticatedClient, Client
from .models.login_request import LoginRequest
from .models.login_response import LoginResponse
from .models.problem import Problem
from .types import UNSET, Response

T = TypeVar("T")


class ProblemError(Exception):
    """An answer other than the one expected: the server's problem details (RFC 9457), typed.

    `problem` is the generated `Problem` model when the server sent `application/problem+json`
    (every error the spec declares), else None; `status_code` is always the HTTP status.
    """

    def __init__(self, status_code: int, problem: Problem | None, content: bytes) -> None:
        self.status_code = status_code
        self.problem = problem
        self.content = content
        if problem is not None:
            message = f"{problem.status} {problem.title}: {problem.detail}"
        else:
            message = f"{status_code}: {content[:200]!r}"
        super().__init__(message)

    @property
    def status(self) -> int:
        return self.problem.status if self.problem is not None else self.status_code

    @property
    def title(self) -> str | None:
        return self.problem.title if self.problem is not None else None

    @property
    def detail(self) -> str | None:
        return self.problem.detail if self.problem is not None else None


def expect(response: Response[Any], kind: type[T]) -> T:
    """The parsed answer when it is a `kind` (e.g. `Hospital`), else raises `ProblemError`.

    For the `sync_detailed` functions, whose `parsed` is the success model or a `Problem`:
    `doctor = expect(create_doctor.sync_detailed(client=admin, body=...), Doctor)`.
    """
    parsed = response.parsed
    if isinstance(parsed, kind):
        return parsed
    problem = parsed if isinstance(parsed, Problem) else None
    raise ProblemError(int(response.status_code), problem, response.content)


def login(
    base_url: str,
    email: str,
    password: str,
    hospital: str | None = None,
    *,
    raise_on_unexpected_status: bool = True,
) -> AuthenticatedClient:
    """Signs in (`POST /api/v1/auth/login`) and answers a client that sends the token.

    `hospital` is the hospital's slug; super admins and members of a single hospital may leave it
    out. Accounts with two-factor sign-in on answer a challenge instead of a token: use
    `api.auth.login` and the TOTP operations for those. Raises `ProblemError` on a refusal (401 for
    a wrong email or password alike, 429 when throttled).
    """
    anonymous = Client(base_url=base_url, raise_on_unexpected_status=raise_on_unexpected_status)
    with anonymous:
        body = LoginRequest(email=email, password=password, hospital=hospital if hospital is not None else UNSET)
        session = expect(login_operation.sync_detailed(client=anonymous, body=body), LoginResponse)
    if not isinstance(session.token, str):
        raise ValueError("this account signs in with a second factor: use api.auth.login, then api.auth.login_totp")
    return AuthenticatedClient(
        base_url=base_url, token=session.token, raise_on_unexpected_status=raise_on_unexpected_status
    )


__all__ = ["ProblemError", "expect", "login"]

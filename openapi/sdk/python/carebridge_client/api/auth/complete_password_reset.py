from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reset_completion import ResetCompletion
from ...types import Response


def _get_kwargs(
    *,
    body: ResetCompletion,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/password-reset/complete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResetCompletion,
) -> Response[Any | Problem]:
    """Complete a password reset with the emailed token (single use, 30 minutes).

     Public, no sign-in. 422 when the token is unknown, used or expired, or the new password
    breaks the rules (12 to 256 characters, not the email address). On success (204) the
    password is set, a forced change is cleared and every session of the account ends.

    Args:
        body (ResetCompletion): Set a new password with the token from the reset email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ResetCompletion,
) -> Any | Problem | None:
    """Complete a password reset with the emailed token (single use, 30 minutes).

     Public, no sign-in. 422 when the token is unknown, used or expired, or the new password
    breaks the rules (12 to 256 characters, not the email address). On success (204) the
    password is set, a forced change is cleared and every session of the account ends.

    Args:
        body (ResetCompletion): Set a new password with the token from the reset email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResetCompletion,
) -> Response[Any | Problem]:
    """Complete a password reset with the emailed token (single use, 30 minutes).

     Public, no sign-in. 422 when the token is unknown, used or expired, or the new password
    breaks the rules (12 to 256 characters, not the email address). On success (204) the
    password is set, a forced change is cleared and every session of the account ends.

    Args:
        body (ResetCompletion): Set a new password with the token from the reset email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ResetCompletion,
) -> Any | Problem | None:
    """Complete a password reset with the emailed token (single use, 30 minutes).

     Public, no sign-in. 422 when the token is unknown, used or expired, or the new password
    breaks the rules (12 to 256 characters, not the email address). On success (204) the
    password is set, a forced change is cleared and every session of the account ends.

    Args:
        body (ResetCompletion): Set a new password with the token from the reset email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

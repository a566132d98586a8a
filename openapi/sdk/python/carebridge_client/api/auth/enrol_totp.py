from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.totp_secret import TotpSecret
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/totp",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TotpSecret | None:
    if response.status_code == 201:
        response_201 = TotpSecret.from_dict(response.json())

        return response_201

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TotpSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TotpSecret]:
    """Turn on two-factor sign-in: a new TOTP secret, to scan into an authenticator app.

     Any signed-in account. Answers the secret (base32), its `otpauth://` URI and the URI as a
    QR code (SVG). Nothing changes at sign-in until `POST /api/v1/auth/totp/confirm` with a
    first code; 409 when two-factor sign-in is already on (an admin can reset it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TotpSecret]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | TotpSecret | None:
    """Turn on two-factor sign-in: a new TOTP secret, to scan into an authenticator app.

     Any signed-in account. Answers the secret (base32), its `otpauth://` URI and the URI as a
    QR code (SVG). Nothing changes at sign-in until `POST /api/v1/auth/totp/confirm` with a
    first code; 409 when two-factor sign-in is already on (an admin can reset it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TotpSecret
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TotpSecret]:
    """Turn on two-factor sign-in: a new TOTP secret, to scan into an authenticator app.

     Any signed-in account. Answers the secret (base32), its `otpauth://` URI and the URI as a
    QR code (SVG). Nothing changes at sign-in until `POST /api/v1/auth/totp/confirm` with a
    first code; 409 when two-factor sign-in is already on (an admin can reset it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TotpSecret]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | TotpSecret | None:
    """Turn on two-factor sign-in: a new TOTP secret, to scan into an authenticator app.

     Any signed-in account. Answers the secret (base32), its `otpauth://` URI and the URI as a
    QR code (SVG). Nothing changes at sign-in until `POST /api/v1/auth/totp/confirm` with a
    first code; 409 when two-factor sign-in is already on (an admin can reset it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TotpSecret
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

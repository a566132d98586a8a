from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.temporary_password import TemporaryPassword
from ...types import Response


def _get_kwargs(
    user_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/members/{user_id}/reset-password".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TemporaryPassword | None:
    if response.status_code == 200:
        response_200 = TemporaryPassword.from_dict(response.json())

        return response_200

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
) -> Response[Problem | TemporaryPassword]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TemporaryPassword]:
    """Reset a member's password to a temporary one, to be changed at the next sign-in.

     Hospital admins only. Answers the temporary password to hand to the person; every session of
    the account ends. 404 when the user is not a member of this hospital; 409 when the account
    also belongs to another hospital (or is a super admin's), since only its owner may then
    reset it; 422 for oneself (`POST /auth/password`); audited.

    Args:
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemporaryPassword]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | TemporaryPassword | None:
    """Reset a member's password to a temporary one, to be changed at the next sign-in.

     Hospital admins only. Answers the temporary password to hand to the person; every session of
    the account ends. 404 when the user is not a member of this hospital; 409 when the account
    also belongs to another hospital (or is a super admin's), since only its owner may then
    reset it; 422 for oneself (`POST /auth/password`); audited.

    Args:
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemporaryPassword
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TemporaryPassword]:
    """Reset a member's password to a temporary one, to be changed at the next sign-in.

     Hospital admins only. Answers the temporary password to hand to the person; every session of
    the account ends. 404 when the user is not a member of this hospital; 409 when the account
    also belongs to another hospital (or is a super admin's), since only its owner may then
    reset it; 422 for oneself (`POST /auth/password`); audited.

    Args:
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TemporaryPassword]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | TemporaryPassword | None:
    """Reset a member's password to a temporary one, to be changed at the next sign-in.

     Hospital admins only. Answers the temporary password to hand to the person; every session of
    the account ends. 404 when the user is not a member of this hospital; 409 when the account
    also belongs to another hospital (or is a super admin's), since only its owner may then
    reset it; 422 for oneself (`POST /auth/password`); audited.

    Args:
        user_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TemporaryPassword
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
        )
    ).parsed

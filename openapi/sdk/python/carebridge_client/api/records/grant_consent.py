from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grant import Grant
from ...models.new_consent import NewConsent
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: NewConsent,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/patients/{id}/consents".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Grant | Problem | None:
    if response.status_code == 201:
        response_201 = Grant.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Grant | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewConsent,
) -> Response[Grant | Problem]:
    """Grant a doctor (`records`) or an admin (`private_notes`) access to your record (patients).

     The patient only, on their own record (404 for any other patient id). `grantee_user_id` must
    be an active doctor of this hospital for `records` or an active hospital admin for
    `private_notes` (422 otherwise); `expires_at`, when given, must be in the future, and
    without it the grant lasts until revoked. Audited.

    Args:
        id (UUID):
        body (NewConsent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Grant | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewConsent,
) -> Grant | Problem | None:
    """Grant a doctor (`records`) or an admin (`private_notes`) access to your record (patients).

     The patient only, on their own record (404 for any other patient id). `grantee_user_id` must
    be an active doctor of this hospital for `records` or an active hospital admin for
    `private_notes` (422 otherwise); `expires_at`, when given, must be in the future, and
    without it the grant lasts until revoked. Audited.

    Args:
        id (UUID):
        body (NewConsent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Grant | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewConsent,
) -> Response[Grant | Problem]:
    """Grant a doctor (`records`) or an admin (`private_notes`) access to your record (patients).

     The patient only, on their own record (404 for any other patient id). `grantee_user_id` must
    be an active doctor of this hospital for `records` or an active hospital admin for
    `private_notes` (422 otherwise); `expires_at`, when given, must be in the future, and
    without it the grant lasts until revoked. Audited.

    Args:
        id (UUID):
        body (NewConsent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Grant | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: NewConsent,
) -> Grant | Problem | None:
    """Grant a doctor (`records`) or an admin (`private_notes`) access to your record (patients).

     The patient only, on their own record (404 for any other patient id). `grantee_user_id` must
    be an active doctor of this hospital for `records` or an active hospital admin for
    `private_notes` (422 otherwise); `expires_at`, when given, must be in the future, and
    without it the grant lasts until revoked. Audited.

    Args:
        id (UUID):
        body (NewConsent):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Grant | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

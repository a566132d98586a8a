from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.break_glass import BreakGlass
from ...models.grant import Grant
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: BreakGlass,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/patients/{id}/break-glass".format(
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
    body: BreakGlass,
) -> Response[Grant | Problem]:
    """Emergency access (doctors) to a patient outside the care team, for at most 60 minutes.

     Doctors only, for any patient of this hospital (404 for an unknown id). `reason` must have
    10 to 500 characters and `minutes` be 1 to 60 (default 60), else 422; until it expires the
    doctor has the same access as the care team. Audited as `break_glass.open` (shown in the
    patient's access log), and every active admin of the hospital gets an in-app notification
    and an email with the patient's id, not their name.

    Args:
        id (UUID):
        body (BreakGlass):

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
    body: BreakGlass,
) -> Grant | Problem | None:
    """Emergency access (doctors) to a patient outside the care team, for at most 60 minutes.

     Doctors only, for any patient of this hospital (404 for an unknown id). `reason` must have
    10 to 500 characters and `minutes` be 1 to 60 (default 60), else 422; until it expires the
    doctor has the same access as the care team. Audited as `break_glass.open` (shown in the
    patient's access log), and every active admin of the hospital gets an in-app notification
    and an email with the patient's id, not their name.

    Args:
        id (UUID):
        body (BreakGlass):

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
    body: BreakGlass,
) -> Response[Grant | Problem]:
    """Emergency access (doctors) to a patient outside the care team, for at most 60 minutes.

     Doctors only, for any patient of this hospital (404 for an unknown id). `reason` must have
    10 to 500 characters and `minutes` be 1 to 60 (default 60), else 422; until it expires the
    doctor has the same access as the care team. Audited as `break_glass.open` (shown in the
    patient's access log), and every active admin of the hospital gets an in-app notification
    and an email with the patient's id, not their name.

    Args:
        id (UUID):
        body (BreakGlass):

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
    body: BreakGlass,
) -> Grant | Problem | None:
    """Emergency access (doctors) to a patient outside the care team, for at most 60 minutes.

     Doctors only, for any patient of this hospital (404 for an unknown id). `reason` must have
    10 to 500 characters and `minutes` be 1 to 60 (default 60), else 422; until it expires the
    doctor has the same access as the care team. Audited as `break_glass.open` (shown in the
    patient's access log), and every active admin of the hospital gets an in-app notification
    and an email with the patient's id, not their name.

    Args:
        id (UUID):
        body (BreakGlass):

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

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hospital import Hospital
from ...models.hospital_patch import HospitalPatch
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: HospitalPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/hospitals/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Hospital | Problem | None:
    if response.status_code == 200:
        response_200 = Hospital.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Hospital | Problem]:
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
    body: HospitalPatch,
) -> Response[Hospital | Problem]:
    """Change settings; a super admin may also suspend or reinstate.

     Super admins for any hospital, hospital admins for their own (404 for another's id); fields
    left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
    422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
    Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
    reinstated.

    Args:
        id (UUID):
        body (HospitalPatch): Changes to a hospital; absent fields stay as they are. `suspended`
            is the super admin's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Hospital | Problem]
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
    body: HospitalPatch,
) -> Hospital | Problem | None:
    """Change settings; a super admin may also suspend or reinstate.

     Super admins for any hospital, hospital admins for their own (404 for another's id); fields
    left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
    422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
    Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
    reinstated.

    Args:
        id (UUID):
        body (HospitalPatch): Changes to a hospital; absent fields stay as they are. `suspended`
            is the super admin's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Hospital | Problem
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
    body: HospitalPatch,
) -> Response[Hospital | Problem]:
    """Change settings; a super admin may also suspend or reinstate.

     Super admins for any hospital, hospital admins for their own (404 for another's id); fields
    left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
    422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
    Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
    reinstated.

    Args:
        id (UUID):
        body (HospitalPatch): Changes to a hospital; absent fields stay as they are. `suspended`
            is the super admin's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Hospital | Problem]
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
    body: HospitalPatch,
) -> Hospital | Problem | None:
    """Change settings; a super admin may also suspend or reinstate.

     Super admins for any hospital, hospital admins for their own (404 for another's id); fields
    left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
    422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
    Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
    reinstated.

    Args:
        id (UUID):
        body (HospitalPatch): Changes to a hospital; absent fields stay as they are. `suspended`
            is the super admin's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Hospital | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

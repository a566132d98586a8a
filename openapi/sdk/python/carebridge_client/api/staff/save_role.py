from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.role import Role
from ...models.role_definition import RoleDefinition
from ...types import Response


def _get_kwargs(
    *,
    body: RoleDefinition,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/roles",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Role | None:
    if response.status_code == 201:
        response_201 = Role.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Role]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RoleDefinition,
) -> Response[Problem | Role]:
    """Define (or redefine) a custom role for this hospital (hospital admin).

     Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
    hospital admin has or a delegable one (`prescription` list, read, dispense), never on
    `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
    Audited; every server instance applies the change within a second.

    Args:
        body (RoleDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Role]
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
    client: AuthenticatedClient,
    body: RoleDefinition,
) -> Problem | Role | None:
    """Define (or redefine) a custom role for this hospital (hospital admin).

     Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
    hospital admin has or a delegable one (`prescription` list, read, dispense), never on
    `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
    Audited; every server instance applies the change within a second.

    Args:
        body (RoleDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Role
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RoleDefinition,
) -> Response[Problem | Role]:
    """Define (or redefine) a custom role for this hospital (hospital admin).

     Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
    hospital admin has or a delegable one (`prescription` list, read, dispense), never on
    `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
    Audited; every server instance applies the change within a second.

    Args:
        body (RoleDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Role]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RoleDefinition,
) -> Problem | Role | None:
    """Define (or redefine) a custom role for this hospital (hospital admin).

     Hospital admins only. The role's permissions are replaced by the 1 to 64 given, each one a
    hospital admin has or a delegable one (`prescription` list, read, dispense), never on
    `member` or `role` (422 otherwise); 422 for an invalid name, 409 for a base role's name.
    Audited; every server instance applies the change within a second.

    Args:
        body (RoleDefinition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Role
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

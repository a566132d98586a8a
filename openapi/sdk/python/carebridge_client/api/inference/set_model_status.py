from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.model_version import ModelVersion
from ...models.problem import Problem
from ...models.status_change import StatusChange
from ...types import Response


def _get_kwargs(
    kind: str,
    version: str,
    *,
    body: StatusChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/models/{kind}/versions/{version}/status".format(
            kind=quote(str(kind), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[ModelVersion] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ModelVersion.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[ModelVersion]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: StatusChange,
) -> Response[Problem | list[ModelVersion]]:
    """Activate, shadow or retire a version (super admins). Jobs use the active version.

     Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
    activating a version retires the kind's previous active one. 404 for an unknown kind or
    version; answers every version of the kind. The change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (StatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ModelVersion]]
    """

    kwargs = _get_kwargs(
        kind=kind,
        version=version,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: StatusChange,
) -> Problem | list[ModelVersion] | None:
    """Activate, shadow or retire a version (super admins). Jobs use the active version.

     Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
    activating a version retires the kind's previous active one. 404 for an unknown kind or
    version; answers every version of the kind. The change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (StatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ModelVersion]
    """

    return sync_detailed(
        kind=kind,
        version=version,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    kind: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: StatusChange,
) -> Response[Problem | list[ModelVersion]]:
    """Activate, shadow or retire a version (super admins). Jobs use the active version.

     Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
    activating a version retires the kind's previous active one. 404 for an unknown kind or
    version; answers every version of the kind. The change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (StatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ModelVersion]]
    """

    kwargs = _get_kwargs(
        kind=kind,
        version=version,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    version: str,
    *,
    client: AuthenticatedClient,
    body: StatusChange,
) -> Problem | list[ModelVersion] | None:
    """Activate, shadow or retire a version (super admins). Jobs use the active version.

     Super admins only; `status` is `active`, `shadow` or `retired` (422 otherwise), and
    activating a version retires the kind's previous active one. 404 for an unknown kind or
    version; answers every version of the kind. The change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (StatusChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ModelVersion]
    """

    return (
        await asyncio_detailed(
            kind=kind,
            version=version,
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.model_version import ModelVersion
from ...models.problem import Problem
from ...types import UNSET, File, Response


def _get_kwargs(
    kind: str,
    *,
    body: File,
    version: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/models/{kind}/versions".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ModelVersion | Problem | None:
    if response.status_code == 201:
        response_201 = ModelVersion.from_dict(response.json())

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
) -> Response[ModelVersion | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: File,
    version: str,
) -> Response[ModelVersion | Problem]:
    """Register new weights (super admins), evaluated first and registered as `shadow`.

     Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
    (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` and `specialty` can be
    registered; the weights are loaded and run on held-out evaluation data first (synthetic
    nights, or the curated held-out phrases), and weights that do not load or run answer 422. 409 when
    the version exists; the change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: File,
    version: str,
) -> ModelVersion | Problem | None:
    """Register new weights (super admins), evaluated first and registered as `shadow`.

     Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
    (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` and `specialty` can be
    registered; the weights are loaded and run on held-out evaluation data first (synthetic
    nights, or the curated held-out phrases), and weights that do not load or run answer 422. 409 when
    the version exists; the change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersion | Problem
    """

    return sync_detailed(
        kind=kind,
        client=client,
        body=body,
        version=version,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: File,
    version: str,
) -> Response[ModelVersion | Problem]:
    """Register new weights (super admins), evaluated first and registered as `shadow`.

     Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
    (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` and `specialty` can be
    registered; the weights are loaded and run on held-out evaluation data first (synthetic
    nights, or the curated held-out phrases), and weights that do not load or run answer 422. 409 when
    the version exists; the change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ModelVersion | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: File,
    version: str,
) -> ModelVersion | Problem | None:
    """Register new weights (super admins), evaluated first and registered as `shadow`.

     Super admins only; the body is the burnpack weights (up to 20 MiB) and `version` names them
    (1 to 64 of a-z, 0-9, `.`, `_`, `-`). Only `sleep_staging` and `specialty` can be
    registered; the weights are loaded and run on held-out evaluation data first (synthetic
    nights, or the curated held-out phrases), and weights that do not load or run answer 422. 409 when
    the version exists; the change is logged, not written to an audit
    trail.

    Args:
        kind (str):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ModelVersion | Problem
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            body=body,
            version=version,
        )
    ).parsed

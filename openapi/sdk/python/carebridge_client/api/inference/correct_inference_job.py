from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.corrected import Corrected
from ...models.correction_set import CorrectionSet
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: CorrectionSet,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/inference/jobs/{id}/corrections".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Corrected | Problem | None:
    if response.status_code == 200:
        response_200 = Corrected.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Corrected | Problem]:
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
    body: CorrectionSet,
) -> Response[Corrected | Problem]:
    """Correct staged epochs (doctors); corrections are kept as training labels.

     Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
    10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
    `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
    of the job's epochs are corrected in all; audited.

    Args:
        id (UUID):
        body (CorrectionSet): A doctor's corrections to a job's stages. Named `CorrectionSet` in
            the spec: a schema whose
            name equals one of its properties trips openapi-python-client (its issue #1117).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Corrected | Problem]
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
    body: CorrectionSet,
) -> Corrected | Problem | None:
    """Correct staged epochs (doctors); corrections are kept as training labels.

     Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
    10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
    `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
    of the job's epochs are corrected in all; audited.

    Args:
        id (UUID):
        body (CorrectionSet): A doctor's corrections to a job's stages. Named `CorrectionSet` in
            the spec: a schema whose
            name equals one of its properties trips openapi-python-client (its issue #1117).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Corrected | Problem
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
    body: CorrectionSet,
) -> Response[Corrected | Problem]:
    """Correct staged epochs (doctors); corrections are kept as training labels.

     Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
    10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
    `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
    of the job's epochs are corrected in all; audited.

    Args:
        id (UUID):
        body (CorrectionSet): A doctor's corrections to a job's stages. Named `CorrectionSet` in
            the spec: a schema whose
            name equals one of its properties trips openapi-python-client (its issue #1117).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Corrected | Problem]
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
    body: CorrectionSet,
) -> Corrected | Problem | None:
    """Correct staged epochs (doctors); corrections are kept as training labels.

     Doctors who may see the job's patient; 409 unless it is a succeeded sleep-staging job. 1 to
    10000 corrections, each a 0-based `epoch` of the result and a stage `W`, `N1`, `N2`, `N3` or
    `REM` (422 otherwise); a new correction of an epoch replaces the old one. Answers how many
    of the job's epochs are corrected in all; audited.

    Args:
        id (UUID):
        body (CorrectionSet): A doctor's corrections to a job's stages. Named `CorrectionSet` in
            the spec: a schema whose
            name equals one of its properties trips openapi-python-client (its issue #1117).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Corrected | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

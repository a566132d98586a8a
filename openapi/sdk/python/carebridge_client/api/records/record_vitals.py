from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_vitals import NewVitals
from ...models.problem import Problem
from ...models.vitals import Vitals
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: NewVitals,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/patients/{id}/vitals".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Vitals | None:
    if response.status_code == 201:
        response_201 = Vitals.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Vitals]:
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
    body: NewVitals,
) -> Response[Problem | Vitals]:
    """Record a set of vital signs; it is scored with NEWS2 (RCP 2017).

     The patient, a doctor of the care team (or with an active grant), or a custom role the
    hospital granted `vitals:create` (a nurse); 404 for any other patient. Impossible values
    answer 422. A risk other than `low` raises an alert for the care team (pushed as a
    notification; emailed for `high`). `news2.rising` flags a score that rose at each of the
    patient's last three sets. Audited.

    Args:
        id (UUID):
        body (NewVitals): A set of vital signs to score with NEWS2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Vitals]
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
    body: NewVitals,
) -> Problem | Vitals | None:
    """Record a set of vital signs; it is scored with NEWS2 (RCP 2017).

     The patient, a doctor of the care team (or with an active grant), or a custom role the
    hospital granted `vitals:create` (a nurse); 404 for any other patient. Impossible values
    answer 422. A risk other than `low` raises an alert for the care team (pushed as a
    notification; emailed for `high`). `news2.rising` flags a score that rose at each of the
    patient's last three sets. Audited.

    Args:
        id (UUID):
        body (NewVitals): A set of vital signs to score with NEWS2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Vitals
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
    body: NewVitals,
) -> Response[Problem | Vitals]:
    """Record a set of vital signs; it is scored with NEWS2 (RCP 2017).

     The patient, a doctor of the care team (or with an active grant), or a custom role the
    hospital granted `vitals:create` (a nurse); 404 for any other patient. Impossible values
    answer 422. A risk other than `low` raises an alert for the care team (pushed as a
    notification; emailed for `high`). `news2.rising` flags a score that rose at each of the
    patient's last three sets. Audited.

    Args:
        id (UUID):
        body (NewVitals): A set of vital signs to score with NEWS2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Vitals]
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
    body: NewVitals,
) -> Problem | Vitals | None:
    """Record a set of vital signs; it is scored with NEWS2 (RCP 2017).

     The patient, a doctor of the care team (or with an active grant), or a custom role the
    hospital granted `vitals:create` (a nurse); 404 for any other patient. Impossible values
    answer 422. A risk other than `low` raises an alert for the care team (pushed as a
    notification; emailed for `high`). `news2.rising` flags a score that rose at each of the
    patient's last three sets. Audited.

    Args:
        id (UUID):
        body (NewVitals): A set of vital signs to score with NEWS2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Vitals
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

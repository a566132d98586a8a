from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.specialty_suggestions import SpecialtySuggestions
from ...models.suggestion_request import SuggestionRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SuggestionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/specialty-suggestions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SpecialtySuggestions | None:
    if response.status_code == 200:
        response_200 = SpecialtySuggestions.from_dict(response.json())

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
) -> Response[Problem | SpecialtySuggestions]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SuggestionRequest,
) -> Response[Problem | SpecialtySuggestions]:
    """Suggest specialties, and this hospital's doctors who have them, for a reason for a visit.

     Patients and hospital admins (who book for them). Answers the three most probable
    specialties, most probable first, each with its probability and this hospital's active
    doctors of that specialization; `notice` is "suggested, not a diagnosis", to be shown
    with them. 422 for a reason that is empty, over 500 characters or without words; 409
    when the hospital has switched AI assistance or specialty suggestions off. The reason is
    neither stored nor logged.

    Args:
        body (SuggestionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpecialtySuggestions]
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
    body: SuggestionRequest,
) -> Problem | SpecialtySuggestions | None:
    """Suggest specialties, and this hospital's doctors who have them, for a reason for a visit.

     Patients and hospital admins (who book for them). Answers the three most probable
    specialties, most probable first, each with its probability and this hospital's active
    doctors of that specialization; `notice` is "suggested, not a diagnosis", to be shown
    with them. 422 for a reason that is empty, over 500 characters or without words; 409
    when the hospital has switched AI assistance or specialty suggestions off. The reason is
    neither stored nor logged.

    Args:
        body (SuggestionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpecialtySuggestions
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SuggestionRequest,
) -> Response[Problem | SpecialtySuggestions]:
    """Suggest specialties, and this hospital's doctors who have them, for a reason for a visit.

     Patients and hospital admins (who book for them). Answers the three most probable
    specialties, most probable first, each with its probability and this hospital's active
    doctors of that specialization; `notice` is "suggested, not a diagnosis", to be shown
    with them. 422 for a reason that is empty, over 500 characters or without words; 409
    when the hospital has switched AI assistance or specialty suggestions off. The reason is
    neither stored nor logged.

    Args:
        body (SuggestionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpecialtySuggestions]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SuggestionRequest,
) -> Problem | SpecialtySuggestions | None:
    """Suggest specialties, and this hospital's doctors who have them, for a reason for a visit.

     Patients and hospital admins (who book for them). Answers the three most probable
    specialties, most probable first, each with its probability and this hospital's active
    doctors of that specialization; `notice` is "suggested, not a diagnosis", to be shown
    with them. 422 for a reason that is empty, over 500 characters or without words; 409
    when the hospital has switched AI assistance or specialty suggestions off. The reason is
    neither stored nor logged.

    Args:
        body (SuggestionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpecialtySuggestions
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

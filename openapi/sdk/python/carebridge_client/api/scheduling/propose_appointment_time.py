from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment import Appointment
from ...models.problem import Problem
from ...models.transition_body import TransitionBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: TransitionBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/appointments/{id}/propose".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Appointment | Problem | None:
    if response.status_code == 200:
        response_200 = Appointment.from_dict(response.json())

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
) -> Response[Appointment | Problem]:
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
    body: TransitionBody | Unset = UNSET,
) -> Response[Appointment | Problem]:
    """Propose another time (`start_at`); the patient accepts or cancels.

     The appointment's doctor or an admin, while it is `requested`, `awaiting_payment` or
    `confirmed` (409 otherwise). `start_at` must be one of the doctor's slots within the
    hospital's notice and horizon (422) and free (409); status and time stay as they are until
    the patient accepts, and the proposal holds no slot. The patient is notified by email and
    in-app; audited.

    Args:
        id (UUID):
        body (TransitionBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Appointment | Problem]
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
    body: TransitionBody | Unset = UNSET,
) -> Appointment | Problem | None:
    """Propose another time (`start_at`); the patient accepts or cancels.

     The appointment's doctor or an admin, while it is `requested`, `awaiting_payment` or
    `confirmed` (409 otherwise). `start_at` must be one of the doctor's slots within the
    hospital's notice and horizon (422) and free (409); status and time stay as they are until
    the patient accepts, and the proposal holds no slot. The patient is notified by email and
    in-app; audited.

    Args:
        id (UUID):
        body (TransitionBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Appointment | Problem
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
    body: TransitionBody | Unset = UNSET,
) -> Response[Appointment | Problem]:
    """Propose another time (`start_at`); the patient accepts or cancels.

     The appointment's doctor or an admin, while it is `requested`, `awaiting_payment` or
    `confirmed` (409 otherwise). `start_at` must be one of the doctor's slots within the
    hospital's notice and horizon (422) and free (409); status and time stay as they are until
    the patient accepts, and the proposal holds no slot. The patient is notified by email and
    in-app; audited.

    Args:
        id (UUID):
        body (TransitionBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Appointment | Problem]
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
    body: TransitionBody | Unset = UNSET,
) -> Appointment | Problem | None:
    """Propose another time (`start_at`); the patient accepts or cancels.

     The appointment's doctor or an admin, while it is `requested`, `awaiting_payment` or
    `confirmed` (409 otherwise). `start_at` must be one of the doctor's slots within the
    hospital's notice and horizon (422) and free (409); status and time stay as they are until
    the patient accepts, and the proposal holds no slot. The patient is notified by email and
    in-app; audited.

    Args:
        id (UUID):
        body (TransitionBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Appointment | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

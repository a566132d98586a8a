from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.listing_alert import ListingAlert
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    all_: bool | Unset = UNSET,
    patient_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["all"] = all_

    json_patient_id: str | Unset = UNSET
    if not isinstance(patient_id, Unset):
        json_patient_id = str(patient_id)
    params["patient_id"] = json_patient_id

    params["limit"] = limit

    json_cursor: str | Unset = UNSET
    if not isinstance(cursor, Unset):
        json_cursor = str(cursor)
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/alerts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListingAlert | Problem | None:
    if response.status_code == 200:
        response_200 = ListingAlert.from_dict(response.json())

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
) -> Response[ListingAlert | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    all_: bool | Unset = UNSET,
    patient_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> Response[ListingAlert | Problem]:
    """The care team's deterioration alerts, newest first.

     Doctors see the alerts of the patients on their care teams; custom roles granted
    `alert:list` see the hospital's. Open ones only unless `all=true`; `patient_id` narrows
    to one patient. Paged with `limit` and `cursor`; audited.

    Args:
        all_ (bool | Unset):
        patient_id (UUID | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListingAlert | Problem]
    """

    kwargs = _get_kwargs(
        all_=all_,
        patient_id=patient_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    all_: bool | Unset = UNSET,
    patient_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> ListingAlert | Problem | None:
    """The care team's deterioration alerts, newest first.

     Doctors see the alerts of the patients on their care teams; custom roles granted
    `alert:list` see the hospital's. Open ones only unless `all=true`; `patient_id` narrows
    to one patient. Paged with `limit` and `cursor`; audited.

    Args:
        all_ (bool | Unset):
        patient_id (UUID | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListingAlert | Problem
    """

    return sync_detailed(
        client=client,
        all_=all_,
        patient_id=patient_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    all_: bool | Unset = UNSET,
    patient_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> Response[ListingAlert | Problem]:
    """The care team's deterioration alerts, newest first.

     Doctors see the alerts of the patients on their care teams; custom roles granted
    `alert:list` see the hospital's. Open ones only unless `all=true`; `patient_id` narrows
    to one patient. Paged with `limit` and `cursor`; audited.

    Args:
        all_ (bool | Unset):
        patient_id (UUID | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListingAlert | Problem]
    """

    kwargs = _get_kwargs(
        all_=all_,
        patient_id=patient_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    all_: bool | Unset = UNSET,
    patient_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> ListingAlert | Problem | None:
    """The care team's deterioration alerts, newest first.

     Doctors see the alerts of the patients on their care teams; custom roles granted
    `alert:list` see the hospital's. Open ones only unless `all=true`; `patient_id` narrows
    to one patient. Paged with `limit` and `cursor`; audited.

    Args:
        all_ (bool | Unset):
        patient_id (UUID | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListingAlert | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            all_=all_,
            patient_id=patient_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.listing_audit_event import ListingAuditEvent
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: UUID | Unset = UNSET,
    patient: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_actor: str | Unset = UNSET
    if not isinstance(actor, Unset):
        json_actor = str(actor)
    params["actor"] = json_actor

    json_patient: str | Unset = UNSET
    if not isinstance(patient, Unset):
        json_patient = str(patient)
    params["patient"] = json_patient

    params["action"] = action

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["limit"] = limit

    json_cursor: str | Unset = UNSET
    if not isinstance(cursor, Unset):
        json_cursor = str(cursor)
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListingAuditEvent | Problem | None:
    if response.status_code == 200:
        response_200 = ListingAuditEvent.from_dict(response.json())

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
) -> Response[ListingAuditEvent | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor: UUID | Unset = UNSET,
    patient: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> Response[ListingAuditEvent | Problem]:
    """The audit trail, newest first: the hospital's for admins, platform events for super admins.

     Hospital admins see every event of their hospital, reads of patient data included; super
    admins see only events whose actor was a super admin (onboarding, settings, suspension),
    never patient data; doctors and patients get 403. Filter by `actor`, `patient`, `action`,
    `from` (inclusive) and `to` (exclusive); `seq` stays null until the event is sealed into the
    hash chain, within about a second.

    Args:
        actor (UUID | Unset):
        patient (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListingAuditEvent | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        patient=patient,
        action=action,
        from_=from_,
        to=to,
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
    actor: UUID | Unset = UNSET,
    patient: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> ListingAuditEvent | Problem | None:
    """The audit trail, newest first: the hospital's for admins, platform events for super admins.

     Hospital admins see every event of their hospital, reads of patient data included; super
    admins see only events whose actor was a super admin (onboarding, settings, suspension),
    never patient data; doctors and patients get 403. Filter by `actor`, `patient`, `action`,
    `from` (inclusive) and `to` (exclusive); `seq` stays null until the event is sealed into the
    hash chain, within about a second.

    Args:
        actor (UUID | Unset):
        patient (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListingAuditEvent | Problem
    """

    return sync_detailed(
        client=client,
        actor=actor,
        patient=patient,
        action=action,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor: UUID | Unset = UNSET,
    patient: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> Response[ListingAuditEvent | Problem]:
    """The audit trail, newest first: the hospital's for admins, platform events for super admins.

     Hospital admins see every event of their hospital, reads of patient data included; super
    admins see only events whose actor was a super admin (onboarding, settings, suspension),
    never patient data; doctors and patients get 403. Filter by `actor`, `patient`, `action`,
    `from` (inclusive) and `to` (exclusive); `seq` stays null until the event is sealed into the
    hash chain, within about a second.

    Args:
        actor (UUID | Unset):
        patient (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListingAuditEvent | Problem]
    """

    kwargs = _get_kwargs(
        actor=actor,
        patient=patient,
        action=action,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor: UUID | Unset = UNSET,
    patient: UUID | Unset = UNSET,
    action: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: UUID | Unset = UNSET,
) -> ListingAuditEvent | Problem | None:
    """The audit trail, newest first: the hospital's for admins, platform events for super admins.

     Hospital admins see every event of their hospital, reads of patient data included; super
    admins see only events whose actor was a super admin (onboarding, settings, suspension),
    never patient data; doctors and patients get 403. Filter by `actor`, `patient`, `action`,
    `from` (inclusive) and `to` (exclusive); `seq` stays null until the event is sealed into the
    hash chain, within about a second.

    Args:
        actor (UUID | Unset):
        patient (UUID | Unset):
        action (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListingAuditEvent | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            patient=patient,
            action=action,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

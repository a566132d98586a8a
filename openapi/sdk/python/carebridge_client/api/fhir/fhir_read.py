from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.operation_outcome import OperationOutcome
from ...types import Response


def _get_kwargs(
    kind: str,
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/fhir/R4/{kind}/{id}".format(
            kind=quote(str(kind), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | OperationOutcome | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if response.status_code == 400:
        response_400 = OperationOutcome.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OperationOutcome.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = OperationOutcome.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = OperationOutcome.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = OperationOutcome.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = OperationOutcome.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | OperationOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | OperationOutcome]:
    """Read one FHIR resource by type and id.

     Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
    `{prescription}-{n}`, one per item), DocumentReference, Consent and Observation (a set of
    vital signs: its panel, id `{set}`, and one Observation per measurement, id
    `{set}-{member}`, in the vital signs profile with LOINC codes); another type, or an id
    the caller may not see, answers 404. Each type needs the role permission of its API
    counterpart (e.g. 403 for hospital admins on MedicationRequest); errors are
    `OperationOutcome`s and every read is audited.

    Args:
        kind (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome]
    """

    kwargs = _get_kwargs(
        kind=kind,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Any | OperationOutcome | None:
    """Read one FHIR resource by type and id.

     Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
    `{prescription}-{n}`, one per item), DocumentReference, Consent and Observation (a set of
    vital signs: its panel, id `{set}`, and one Observation per measurement, id
    `{set}-{member}`, in the vital signs profile with LOINC codes); another type, or an id
    the caller may not see, answers 404. Each type needs the role permission of its API
    counterpart (e.g. 403 for hospital admins on MedicationRequest); errors are
    `OperationOutcome`s and every read is audited.

    Args:
        kind (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome
    """

    return sync_detailed(
        kind=kind,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    kind: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | OperationOutcome]:
    """Read one FHIR resource by type and id.

     Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
    `{prescription}-{n}`, one per item), DocumentReference, Consent and Observation (a set of
    vital signs: its panel, id `{set}`, and one Observation per measurement, id
    `{set}-{member}`, in the vital signs profile with LOINC codes); another type, or an id
    the caller may not see, answers 404. Each type needs the role permission of its API
    counterpart (e.g. 403 for hospital admins on MedicationRequest); errors are
    `OperationOutcome`s and every read is audited.

    Args:
        kind (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome]
    """

    kwargs = _get_kwargs(
        kind=kind,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Any | OperationOutcome | None:
    """Read one FHIR resource by type and id.

     Types: Patient, Practitioner, Appointment, Encounter, MedicationRequest (id
    `{prescription}-{n}`, one per item), DocumentReference, Consent and Observation (a set of
    vital signs: its panel, id `{set}`, and one Observation per measurement, id
    `{set}-{member}`, in the vital signs profile with LOINC codes); another type, or an id
    the caller may not see, answers 404. Each type needs the role permission of its API
    counterpart (e.g. 403 for hospital admins on MedicationRequest); errors are
    `OperationOutcome`s and every read is audited.

    Args:
        kind (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome
    """

    return (
        await asyncio_detailed(
            kind=kind,
            id=id,
            client=client,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.operation_outcome import OperationOutcome
from ...types import UNSET, Response


def _get_kwargs(
    kind: str,
    *,
    patient: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_patient = str(patient)
    params["patient"] = json_patient

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/fhir/R4/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
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
    *,
    client: AuthenticatedClient,
    patient: UUID,
) -> Response[Any | OperationOutcome]:
    """Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.

     For Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and
    Observation (422
    for Practitioner, 404 for an unknown type), with the role permissions and visibility of the
    API; 404 for a patient the caller may not see. At most 500 rows per search; errors are
    `OperationOutcome`s and the search is audited.

    Args:
        kind (str):
        patient (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome]
    """

    kwargs = _get_kwargs(
        kind=kind,
        patient=patient,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient,
    patient: UUID,
) -> Any | OperationOutcome | None:
    """Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.

     For Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and
    Observation (422
    for Practitioner, 404 for an unknown type), with the role permissions and visibility of the
    API; 404 for a patient the caller may not see. At most 500 rows per search; errors are
    `OperationOutcome`s and the search is audited.

    Args:
        kind (str):
        patient (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome
    """

    return sync_detailed(
        kind=kind,
        client=client,
        patient=patient,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    patient: UUID,
) -> Response[Any | OperationOutcome]:
    """Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.

     For Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and
    Observation (422
    for Practitioner, 404 for an unknown type), with the role permissions and visibility of the
    API; 404 for a patient the caller may not see. At most 500 rows per search; errors are
    `OperationOutcome`s and the search is audited.

    Args:
        kind (str):
        patient (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome]
    """

    kwargs = _get_kwargs(
        kind=kind,
        patient=patient,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient,
    patient: UUID,
) -> Any | OperationOutcome | None:
    """Search a type by patient (`?patient={id}`); answers a `searchset` Bundle.

     For Patient, Appointment, Encounter, MedicationRequest, DocumentReference, Consent and
    Observation (422
    for Practitioner, 404 for an unknown type), with the role permissions and visibility of the
    API; 404 for a patient the caller may not see. At most 500 rows per search; errors are
    `OperationOutcome`s and the search is audited.

    Args:
        kind (str):
        patient (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            patient=patient,
        )
    ).parsed

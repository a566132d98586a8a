from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.operation_outcome import OperationOutcome
from ...types import Response


def _get_kwargs(
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/fhir/R4/Patient/{id}/$everything".format(
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
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | OperationOutcome]:
    """Everything on one patient's record that the caller may see, as a `searchset` Bundle.

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    otherwise). Holds the Patient and, for each type the caller's role may read, the
    Appointments, Encounters, MedicationRequests, DocumentReferences, Consents and vital-sign
    Observations, plus the
    Practitioners they name; errors are `OperationOutcome`s and the read is audited.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | OperationOutcome | None:
    """Everything on one patient's record that the caller may see, as a `searchset` Bundle.

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    otherwise). Holds the Patient and, for each type the caller's role may read, the
    Appointments, Encounters, MedicationRequests, DocumentReferences, Consents and vital-sign
    Observations, plus the
    Practitioners they name; errors are `OperationOutcome`s and the read is audited.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | OperationOutcome]:
    """Everything on one patient's record that the caller may see, as a `searchset` Bundle.

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    otherwise). Holds the Patient and, for each type the caller's role may read, the
    Appointments, Encounters, MedicationRequests, DocumentReferences, Consents and vital-sign
    Observations, plus the
    Practitioners they name; errors are `OperationOutcome`s and the read is audited.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | OperationOutcome | None:
    """Everything on one patient's record that the caller may see, as a `searchset` Bundle.

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    otherwise). Holds the Patient and, for each type the caller's role may read, the
    Appointments, Encounters, MedicationRequests, DocumentReferences, Consents and vital-sign
    Observations, plus the
    Practitioners they name; errors are `OperationOutcome`s and the read is audited.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed

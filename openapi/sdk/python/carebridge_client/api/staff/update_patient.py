from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.patient import Patient
from ...models.patient_patch import PatientPatch
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: PatientPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/patients/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Patient | Problem | None:
    if response.status_code == 200:
        response_200 = Patient.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Patient | Problem]:
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
    body: PatientPatch,
) -> Response[Patient | Problem]:
    """Update a patient's profile (hospital admin; the patient their own contact details).

     Hospital admins change any field. A patient changes their own `phone`,
    `notification_channels` and `emergency_contact` (403 for any other field). Fields left out
    stay as they are and the answer is the updated profile. 404 for a patient of another
    hospital (or, for a patient, anyone else); 422 for an invalid date of birth or phone (E.164),
    a `sex` or `blood_type` outside the listed values, allergies, medical history or
    emergency contact over their length limits, or channels other than `email` and `sms`; 409
    for SMS without a phone number. Audited.

    Args:
        id (UUID):
        body (PatientPatch): Changes to a patient's profile; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Patient | Problem]
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
    body: PatientPatch,
) -> Patient | Problem | None:
    """Update a patient's profile (hospital admin; the patient their own contact details).

     Hospital admins change any field. A patient changes their own `phone`,
    `notification_channels` and `emergency_contact` (403 for any other field). Fields left out
    stay as they are and the answer is the updated profile. 404 for a patient of another
    hospital (or, for a patient, anyone else); 422 for an invalid date of birth or phone (E.164),
    a `sex` or `blood_type` outside the listed values, allergies, medical history or
    emergency contact over their length limits, or channels other than `email` and `sms`; 409
    for SMS without a phone number. Audited.

    Args:
        id (UUID):
        body (PatientPatch): Changes to a patient's profile; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Patient | Problem
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
    body: PatientPatch,
) -> Response[Patient | Problem]:
    """Update a patient's profile (hospital admin; the patient their own contact details).

     Hospital admins change any field. A patient changes their own `phone`,
    `notification_channels` and `emergency_contact` (403 for any other field). Fields left out
    stay as they are and the answer is the updated profile. 404 for a patient of another
    hospital (or, for a patient, anyone else); 422 for an invalid date of birth or phone (E.164),
    a `sex` or `blood_type` outside the listed values, allergies, medical history or
    emergency contact over their length limits, or channels other than `email` and `sms`; 409
    for SMS without a phone number. Audited.

    Args:
        id (UUID):
        body (PatientPatch): Changes to a patient's profile; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Patient | Problem]
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
    body: PatientPatch,
) -> Patient | Problem | None:
    """Update a patient's profile (hospital admin; the patient their own contact details).

     Hospital admins change any field. A patient changes their own `phone`,
    `notification_channels` and `emergency_contact` (403 for any other field). Fields left out
    stay as they are and the answer is the updated profile. 404 for a patient of another
    hospital (or, for a patient, anyone else); 422 for an invalid date of birth or phone (E.164),
    a `sex` or `blood_type` outside the listed values, allergies, medical history or
    emergency contact over their length limits, or channels other than `email` and `sms`; 409
    for SMS without a phone number. Audited.

    Args:
        id (UUID):
        body (PatientPatch): Changes to a patient's profile; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Patient | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

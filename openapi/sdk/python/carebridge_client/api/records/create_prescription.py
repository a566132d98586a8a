from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_prescription import NewPrescription
from ...models.prescription import Prescription
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: NewPrescription,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/prescriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Prescription | Problem | None:
    if response.status_code == 201:
        response_201 = Prescription.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Prescription | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewPrescription,
) -> Response[Prescription | Problem]:
    """Issue a prescription (a doctor of the patient's care team).

     Doctors with a profile here, for a patient on their care team or who gave them an active
    grant (404 for any other patient). 1 to 30 `items` with medication, dose, route and
    frequency, `duration_days` 1 to 365, `quantity` 1 to 10000 and `refills` 0 to 12 (422
    otherwise); `appointment_id`, when given, must be one of this patient's appointments (422).
    It starts `active` with a verification code for the printed copy; audited.

    Args:
        body (NewPrescription):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prescription | Problem]
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
    body: NewPrescription,
) -> Prescription | Problem | None:
    """Issue a prescription (a doctor of the patient's care team).

     Doctors with a profile here, for a patient on their care team or who gave them an active
    grant (404 for any other patient). 1 to 30 `items` with medication, dose, route and
    frequency, `duration_days` 1 to 365, `quantity` 1 to 10000 and `refills` 0 to 12 (422
    otherwise); `appointment_id`, when given, must be one of this patient's appointments (422).
    It starts `active` with a verification code for the printed copy; audited.

    Args:
        body (NewPrescription):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prescription | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewPrescription,
) -> Response[Prescription | Problem]:
    """Issue a prescription (a doctor of the patient's care team).

     Doctors with a profile here, for a patient on their care team or who gave them an active
    grant (404 for any other patient). 1 to 30 `items` with medication, dose, route and
    frequency, `duration_days` 1 to 365, `quantity` 1 to 10000 and `refills` 0 to 12 (422
    otherwise); `appointment_id`, when given, must be one of this patient's appointments (422).
    It starts `active` with a verification code for the printed copy; audited.

    Args:
        body (NewPrescription):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prescription | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewPrescription,
) -> Prescription | Problem | None:
    """Issue a prescription (a doctor of the patient's care team).

     Doctors with a profile here, for a patient on their care team or who gave them an active
    grant (404 for any other patient). 1 to 30 `items` with medication, dose, route and
    frequency, `duration_days` 1 to 365, `quantity` 1 to 10000 and `refills` 0 to 12 (422
    otherwise); `appointment_id`, when given, must be one of this patient's appointments (422).
    It starts `active` with a verification code for the printed copy; audited.

    Args:
        body (NewPrescription):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prescription | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

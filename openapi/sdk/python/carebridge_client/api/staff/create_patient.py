from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.created_patient import CreatedPatient
from ...models.new_patient import NewPatient
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: NewPatient,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/patients",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedPatient | Problem | None:
    if response.status_code == 201:
        response_201 = CreatedPatient.from_dict(response.json())

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
) -> Response[CreatedPatient | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewPatient,
) -> Response[CreatedPatient | Problem]:
    """Add a patient (hospital admin).

     Hospital admins only. Creates the patient's account, which signs in with the given password,
    and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
    or phone; 409 when the email already has an account (in any hospital); audited.

    Args:
        body (NewPatient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedPatient | Problem]
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
    body: NewPatient,
) -> CreatedPatient | Problem | None:
    """Add a patient (hospital admin).

     Hospital admins only. Creates the patient's account, which signs in with the given password,
    and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
    or phone; 409 when the email already has an account (in any hospital); audited.

    Args:
        body (NewPatient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedPatient | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewPatient,
) -> Response[CreatedPatient | Problem]:
    """Add a patient (hospital admin).

     Hospital admins only. Creates the patient's account, which signs in with the given password,
    and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
    or phone; 409 when the email already has an account (in any hospital); audited.

    Args:
        body (NewPatient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedPatient | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewPatient,
) -> CreatedPatient | Problem | None:
    """Add a patient (hospital admin).

     Hospital admins only. Creates the patient's account, which signs in with the given password,
    and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
    or phone; 409 when the email already has an account (in any hospital); audited.

    Args:
        body (NewPatient):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedPatient | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

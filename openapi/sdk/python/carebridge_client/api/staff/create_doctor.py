from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.doctor import Doctor
from ...models.new_doctor import NewDoctor
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: NewDoctor,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/doctors",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Doctor | Problem | None:
    if response.status_code == 201:
        response_201 = Doctor.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Doctor | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewDoctor,
) -> Response[Doctor | Problem]:
    """Add a doctor to the hospital (hospital admin).

     Hospital admins only. Creates the doctor's account, which signs in with the given password,
    and profile. 422 for an invalid email, name or password, or a specialization, licence
    number, languages or bio out of bounds; 409 when the email already has an account (in any
    hospital) or the licence number is taken here; audited.

    Args:
        body (NewDoctor):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Doctor | Problem]
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
    body: NewDoctor,
) -> Doctor | Problem | None:
    """Add a doctor to the hospital (hospital admin).

     Hospital admins only. Creates the doctor's account, which signs in with the given password,
    and profile. 422 for an invalid email, name or password, or a specialization, licence
    number, languages or bio out of bounds; 409 when the email already has an account (in any
    hospital) or the licence number is taken here; audited.

    Args:
        body (NewDoctor):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Doctor | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewDoctor,
) -> Response[Doctor | Problem]:
    """Add a doctor to the hospital (hospital admin).

     Hospital admins only. Creates the doctor's account, which signs in with the given password,
    and profile. 422 for an invalid email, name or password, or a specialization, licence
    number, languages or bio out of bounds; 409 when the email already has an account (in any
    hospital) or the licence number is taken here; audited.

    Args:
        body (NewDoctor):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Doctor | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewDoctor,
) -> Doctor | Problem | None:
    """Add a doctor to the hospital (hospital admin).

     Hospital admins only. Creates the doctor's account, which signs in with the given password,
    and profile. 422 for an invalid email, name or password, or a specialization, licence
    number, languages or bio out of bounds; 409 when the email already has an account (in any
    hospital) or the licence number is taken here; audited.

    Args:
        body (NewDoctor):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Doctor | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    pidx: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pidx"] = pidx

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/payments/khalti/return",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    pidx: str,
) -> Response[Any | Problem]:
    """Khalti's redirect target.

     Opened by the patient's browser, without a bearer token; 503 when Khalti is not configured.
    The query string is not trusted: the server looks `pidx` up with Khalti and applies the
    verified outcome once (a completed payment of the amount asked confirms the appointment, an
    expired or cancelled one ends the payment), then answers 303 to the web app with the
    payment's id and status.

    Args:
        pidx (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        pidx=pidx,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    pidx: str,
) -> Any | Problem | None:
    """Khalti's redirect target.

     Opened by the patient's browser, without a bearer token; 503 when Khalti is not configured.
    The query string is not trusted: the server looks `pidx` up with Khalti and applies the
    verified outcome once (a completed payment of the amount asked confirms the appointment, an
    expired or cancelled one ends the payment), then answers 303 to the web app with the
    payment's id and status.

    Args:
        pidx (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        pidx=pidx,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    pidx: str,
) -> Response[Any | Problem]:
    """Khalti's redirect target.

     Opened by the patient's browser, without a bearer token; 503 when Khalti is not configured.
    The query string is not trusted: the server looks `pidx` up with Khalti and applies the
    verified outcome once (a completed payment of the amount asked confirms the appointment, an
    expired or cancelled one ends the payment), then answers 303 to the web app with the
    payment's id and status.

    Args:
        pidx (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        pidx=pidx,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    pidx: str,
) -> Any | Problem | None:
    """Khalti's redirect target.

     Opened by the patient's browser, without a bearer token; 503 when Khalti is not configured.
    The query string is not trusted: the server looks `pidx` up with Khalti and applies the
    verified outcome once (a completed payment of the amount asked confirms the appointment, an
    expired or cancelled one ends the payment), then answers 303 to the web app with the
    payment's id and status.

    Args:
        pidx (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            pidx=pidx,
        )
    ).parsed

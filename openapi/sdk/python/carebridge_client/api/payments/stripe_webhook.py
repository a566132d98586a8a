from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    *,
    body: File,
    stripe_signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Stripe-Signature"] = stripe_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/payments/stripe/webhook",
    }

    _kwargs["json"] = body.to_tuple()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
    body: File,
    stripe_signature: str,
) -> Response[Any | Problem]:
    """Stripe's webhook.

     Called by Stripe, without a bearer token; 503 when `STRIPE_WEBHOOK_SECRET` is not set.
    `Stripe-Signature` is verified on the raw body before anything is parsed (400 when it or the
    JSON is invalid); Checkout Session events of sessions this server created confirm or end the
    payment, each event id at most once, and a success whose amount or currency differs fails
    it. Other verified events and replays answer 200 and change nothing; a confirmation notifies
    the patient and every change is audited.

    Args:
        stripe_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    stripe_signature: str,
) -> Any | Problem | None:
    """Stripe's webhook.

     Called by Stripe, without a bearer token; 503 when `STRIPE_WEBHOOK_SECRET` is not set.
    `Stripe-Signature` is verified on the raw body before anything is parsed (400 when it or the
    JSON is invalid); Checkout Session events of sessions this server created confirm or end the
    payment, each event id at most once, and a success whose amount or currency differs fails
    it. Other verified events and replays answer 200 and change nothing; a confirmation notifies
    the patient and every change is audited.

    Args:
        stripe_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        stripe_signature=stripe_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    stripe_signature: str,
) -> Response[Any | Problem]:
    """Stripe's webhook.

     Called by Stripe, without a bearer token; 503 when `STRIPE_WEBHOOK_SECRET` is not set.
    `Stripe-Signature` is verified on the raw body before anything is parsed (400 when it or the
    JSON is invalid); Checkout Session events of sessions this server created confirm or end the
    payment, each event id at most once, and a success whose amount or currency differs fails
    it. Other verified events and replays answer 200 and change nothing; a confirmation notifies
    the patient and every change is audited.

    Args:
        stripe_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    stripe_signature: str,
) -> Any | Problem | None:
    """Stripe's webhook.

     Called by Stripe, without a bearer token; 503 when `STRIPE_WEBHOOK_SECRET` is not set.
    `Stripe-Signature` is verified on the raw body before anything is parsed (400 when it or the
    JSON is invalid); Checkout Session events of sessions this server created confirm or end the
    payment, each event id at most once, and a success whose amount or currency differs fails
    it. Other verified events and replays answer 200 and change nothing; a confirmation notifies
    the patient and every change is audited.

    Args:
        stripe_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            stripe_signature=stripe_signature,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.message import Message
from ...models.post_message import PostMessage
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: PostMessage,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/conversations/{id}/messages".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Message | Problem | None:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Message.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Message | Problem]:
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
    body: PostMessage,
) -> Response[Message | Problem]:
    """Posts a message; it is pushed to both parties' sockets (`chat.message`).

     Its doctor and patient, while the doctor is on the patient's care team (409 after).
    `client_id` makes retries safe: the same `client_id` again answers the first message
    (200) and posts nothing. `document_id` attaches one of the patient's documents that the
    sender may read (404 otherwise); the document itself is fetched through
    `/documents/{id}`. Audited.

    Args:
        id (UUID):
        body (PostMessage): `POST /conversations/{id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Message | Problem]
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
    body: PostMessage,
) -> Message | Problem | None:
    """Posts a message; it is pushed to both parties' sockets (`chat.message`).

     Its doctor and patient, while the doctor is on the patient's care team (409 after).
    `client_id` makes retries safe: the same `client_id` again answers the first message
    (200) and posts nothing. `document_id` attaches one of the patient's documents that the
    sender may read (404 otherwise); the document itself is fetched through
    `/documents/{id}`. Audited.

    Args:
        id (UUID):
        body (PostMessage): `POST /conversations/{id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Message | Problem
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
    body: PostMessage,
) -> Response[Message | Problem]:
    """Posts a message; it is pushed to both parties' sockets (`chat.message`).

     Its doctor and patient, while the doctor is on the patient's care team (409 after).
    `client_id` makes retries safe: the same `client_id` again answers the first message
    (200) and posts nothing. `document_id` attaches one of the patient's documents that the
    sender may read (404 otherwise); the document itself is fetched through
    `/documents/{id}`. Audited.

    Args:
        id (UUID):
        body (PostMessage): `POST /conversations/{id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Message | Problem]
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
    body: PostMessage,
) -> Message | Problem | None:
    """Posts a message; it is pushed to both parties' sockets (`chat.message`).

     Its doctor and patient, while the doctor is on the patient's care team (409 after).
    `client_id` makes retries safe: the same `client_id` again answers the first message
    (200) and posts nothing. `document_id` attaches one of the patient's documents that the
    sender may read (404 otherwise); the document itself is fetched through
    `/documents/{id}`. Audited.

    Args:
        id (UUID):
        body (PostMessage): `POST /conversations/{id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Message | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

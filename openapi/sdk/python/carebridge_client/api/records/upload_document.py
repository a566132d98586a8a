from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.document_receipt import DocumentReceipt
from ...models.problem import Problem
from ...models.upload_document_body import UploadDocumentBody
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: UploadDocumentBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/patients/{id}/documents".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DocumentReceipt | Problem | None:
    if response.status_code == 201:
        response_201 = DocumentReceipt.from_dict(response.json())

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
) -> Response[DocumentReceipt | Problem]:
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
    body: UploadDocumentBody,
) -> Response[DocumentReceipt | Problem]:
    """Upload a document for a patient (multipart `file`, `title`, `kind`).

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    for any other patient). The file is encrypted before it leaves the server; `sha256` and
    `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
    `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
    multipart, 410 after the hospital's key was destroyed, 409 for an upload that took longer
    than `ORPHAN_GRACE_MINUTES`; nothing is kept when the upload fails, and a success is
    audited.

    Args:
        id (UUID):
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentReceipt | Problem]
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
    body: UploadDocumentBody,
) -> DocumentReceipt | Problem | None:
    """Upload a document for a patient (multipart `file`, `title`, `kind`).

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    for any other patient). The file is encrypted before it leaves the server; `sha256` and
    `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
    `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
    multipart, 410 after the hospital's key was destroyed, 409 for an upload that took longer
    than `ORPHAN_GRACE_MINUTES`; nothing is kept when the upload fails, and a success is
    audited.

    Args:
        id (UUID):
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentReceipt | Problem
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
    body: UploadDocumentBody,
) -> Response[DocumentReceipt | Problem]:
    """Upload a document for a patient (multipart `file`, `title`, `kind`).

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    for any other patient). The file is encrypted before it leaves the server; `sha256` and
    `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
    `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
    multipart, 410 after the hospital's key was destroyed, 409 for an upload that took longer
    than `ORPHAN_GRACE_MINUTES`; nothing is kept when the upload fails, and a success is
    audited.

    Args:
        id (UUID):
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentReceipt | Problem]
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
    body: UploadDocumentBody,
) -> DocumentReceipt | Problem | None:
    """Upload a document for a patient (multipart `file`, `title`, `kind`).

     The patient, hospital admins, and doctors on the care team or holding an active grant (404
    for any other patient). The file is encrypted before it leaves the server; `sha256` and
    `size` describe what was sent. 413 over `MAX_UPLOAD_BYTES`, 422 without a file, with a
    `title` not 1 to 200 characters or an unknown `kind`, 400 for a body that is not valid
    multipart, 410 after the hospital's key was destroyed, 409 for an upload that took longer
    than `ORPHAN_GRACE_MINUTES`; nothing is kept when the upload fails, and a success is
    audited.

    Args:
        id (UUID):
        body (UploadDocumentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentReceipt | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

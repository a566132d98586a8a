from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_accepted import JobAccepted
from ...models.new_job import NewJob
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: NewJob,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/inference/jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobAccepted | Problem | None:
    if response.status_code == 202:
        response_202 = JobAccepted.from_dict(response.json())

        return response_202

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
) -> Response[JobAccepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewJob,
) -> Response[JobAccepted | Problem]:
    """Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.

     Doctors and hospital admins who may see the document's patient (404 for any other document).
    `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
    switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
    202 with the job id; audited.

    Args:
        body (NewJob):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | Problem]
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
    body: NewJob,
) -> JobAccepted | Problem | None:
    """Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.

     Doctors and hospital admins who may see the document's patient (404 for any other document).
    `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
    switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
    202 with the job id; audited.

    Args:
        body (NewJob):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewJob,
) -> Response[JobAccepted | Problem]:
    """Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.

     Doctors and hospital admins who may see the document's patient (404 for any other document).
    `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
    switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
    202 with the job id; audited.

    Args:
        body (NewJob):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewJob,
) -> JobAccepted | Problem | None:
    """Queue an AI job on a stored document (doctors, admins). Answers at once; poll the job.

     Doctors and hospital admins who may see the document's patient (404 for any other document).
    `kind` is `sleep_staging` or `chest_xray` (422 otherwise); 409 when the hospital has
    switched that AI feature off, 429 with Retry-After once its daily quota is used up. Answers
    202 with the job id; audited.

    Args:
        body (NewJob):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

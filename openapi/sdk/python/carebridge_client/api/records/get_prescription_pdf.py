from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    lang: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["lang"] = lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/prescriptions/{id}/pdf".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
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
    lang: str | Unset = UNSET,
) -> Response[File | Problem]:
    """The prescription as a PDF, labelled in English or Nepali.

     Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
    prescriber and licence, the patient's name and date of birth, items, issue date, status and
    the verification code with its public check address; audited as a print. `lang` is the
    language of the labels, `en` (the default) or `ne` (422 otherwise); names and what the
    doctor wrote are printed as written, Devanagari included (the fonts are embedded).

    Args:
        id (UUID):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> File | Problem | None:
    """The prescription as a PDF, labelled in English or Nepali.

     Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
    prescriber and licence, the patient's name and date of birth, items, issue date, status and
    the verification code with its public check address; audited as a print. `lang` is the
    language of the labels, `en` (the default) or `ne` (422 otherwise); names and what the
    doctor wrote are printed as written, Devanagari included (the fonts are embedded).

    Args:
        id (UUID):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        lang=lang,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> Response[File | Problem]:
    """The prescription as a PDF, labelled in English or Nepali.

     Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
    prescriber and licence, the patient's name and date of birth, items, issue date, status and
    the verification code with its public check address; audited as a print. `lang` is the
    language of the labels, `en` (the default) or `ne` (422 otherwise); names and what the
    doctor wrote are printed as written, Devanagari included (the fonts are embedded).

    Args:
        id (UUID):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> File | Problem | None:
    """The prescription as a PDF, labelled in English or Nepali.

     Whoever may read the prescription (see `GET /api/v1/prescriptions/{id}`). Shows hospital,
    prescriber and licence, the patient's name and date of birth, items, issue date, status and
    the verification code with its public check address; audited as a print. `lang` is the
    language of the labels, `en` (the default) or `ne` (422 otherwise); names and what the
    doctor wrote are printed as written, Devanagari included (the fonts are embedded).

    Args:
        id (UUID):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            lang=lang,
        )
    ).parsed

import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hospital_analytics import HospitalAnalytics
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/hospital",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HospitalAnalytics | Problem | None:
    if response.status_code == 200:
        response_200 = HospitalAnalytics.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HospitalAnalytics | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[HospitalAnalytics | Problem]:
    """The hospital's figures per day and in total (hospital admins).

     Over local dates `from`..=`to` in the hospital's time zone (default: the 30 days to
    today; at most 366 days; 422 otherwise): appointments by status (by start date), no-show
    rate, revenue per currency, utilisation, median minutes to confirm, calls and their mean
    minutes, ratings, inference jobs by kind and status with p50/p95 latency, and the
    doctors' agreement with the sleep-staging model. Audited.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HospitalAnalytics | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> HospitalAnalytics | Problem | None:
    """The hospital's figures per day and in total (hospital admins).

     Over local dates `from`..=`to` in the hospital's time zone (default: the 30 days to
    today; at most 366 days; 422 otherwise): appointments by status (by start date), no-show
    rate, revenue per currency, utilisation, median minutes to confirm, calls and their mean
    minutes, ratings, inference jobs by kind and status with p50/p95 latency, and the
    doctors' agreement with the sleep-staging model. Audited.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HospitalAnalytics | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[HospitalAnalytics | Problem]:
    """The hospital's figures per day and in total (hospital admins).

     Over local dates `from`..=`to` in the hospital's time zone (default: the 30 days to
    today; at most 366 days; 422 otherwise): appointments by status (by start date), no-show
    rate, revenue per currency, utilisation, median minutes to confirm, calls and their mean
    minutes, ratings, inference jobs by kind and status with p50/p95 latency, and the
    doctors' agreement with the sleep-staging model. Audited.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HospitalAnalytics | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> HospitalAnalytics | Problem | None:
    """The hospital's figures per day and in total (hospital admins).

     Over local dates `from`..=`to` in the hospital's time zone (default: the 30 days to
    today; at most 366 days; 422 otherwise): appointments by status (by start date), no-show
    rate, revenue per currency, utilisation, median minutes to confirm, calls and their mean
    minutes, ratings, inference jobs by kind and status with p50/p95 latency, and the
    doctors' agreement with the sleep-staging model. Audited.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HospitalAnalytics | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed

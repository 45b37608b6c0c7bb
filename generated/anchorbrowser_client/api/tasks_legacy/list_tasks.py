from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.task_list_response import TaskListResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    page: str | Unset = "1",
    limit: str | Unset = "10",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/task",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskListResponse | None:
    if response.status_code == 200:
        response_200 = TaskListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TaskListResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
) -> Response[ErrorResponse | TaskListResponse]:
    """List Tasks (Legacy)

     Retrieves a paginated list of all tasks for the authenticated team. Tasks are returned
    with their latest version information and metadata.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskListResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
) -> ErrorResponse | TaskListResponse | None:
    """List Tasks (Legacy)

     Retrieves a paginated list of all tasks for the authenticated team. Tasks are returned
    with their latest version information and metadata.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskListResponse
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
) -> Response[ErrorResponse | TaskListResponse]:
    """List Tasks (Legacy)

     Retrieves a paginated list of all tasks for the authenticated team. Tasks are returned
    with their latest version information and metadata.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskListResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
) -> ErrorResponse | TaskListResponse | None:
    """List Tasks (Legacy)

     Retrieves a paginated list of all tasks for the authenticated team. Tasks are returned
    with their latest version information and metadata.

    If you are using the new Task Builder, see the non-deprecated Tasks endpoints in this API reference.

    Args:
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
        )
    ).parsed

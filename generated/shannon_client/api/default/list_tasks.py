from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_tasks_response import ListTasksResponse
from ...models.list_tasks_status import ListTasksStatus
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: ListTasksStatus | Unset = UNSET,
    session_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["session_id"] = session_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ListTasksResponse | None:
    if response.status_code == 200:
        response_200 = ListTasksResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ListTasksResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: ListTasksStatus | Unset = UNSET,
    session_id: str | Unset = UNSET,
) -> Response[ListTasksResponse]:
    """List tasks

     List tasks for the authenticated user (optionally filter by session/status)

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (ListTasksStatus | Unset):
        session_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListTasksResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
        session_id=session_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: ListTasksStatus | Unset = UNSET,
    session_id: str | Unset = UNSET,
) -> ListTasksResponse | None:
    """List tasks

     List tasks for the authenticated user (optionally filter by session/status)

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (ListTasksStatus | Unset):
        session_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListTasksResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        status=status,
        session_id=session_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: ListTasksStatus | Unset = UNSET,
    session_id: str | Unset = UNSET,
) -> Response[ListTasksResponse]:
    """List tasks

     List tasks for the authenticated user (optionally filter by session/status)

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (ListTasksStatus | Unset):
        session_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListTasksResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: ListTasksStatus | Unset = UNSET,
    session_id: str | Unset = UNSET,
) -> ListTasksResponse | None:
    """List tasks

     List tasks for the authenticated user (optionally filter by session/status)

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (ListTasksStatus | Unset):
        session_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListTasksResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            status=status,
            session_id=session_id,
        )
    ).parsed

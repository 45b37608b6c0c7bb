from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_task_executions_status import ListTaskExecutionsStatus
from ...models.task_execution_results_list_response import (
    TaskExecutionResultsListResponse,
)
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    task_id: UUID,
    *,
    page: str | Unset = "1",
    limit: str | Unset = "10",
    status: ListTaskExecutionsStatus | Unset = UNSET,
    version: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/task/{task_id}/executions".format(
            task_id=quote(str(task_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskExecutionResultsListResponse | None:
    if response.status_code == 200:
        response_200 = TaskExecutionResultsListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | TaskExecutionResultsListResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
    status: ListTaskExecutionsStatus | Unset = UNSET,
    version: str | Unset = UNSET,
) -> Response[ErrorResponse | TaskExecutionResultsListResponse]:
    """List Task Executions (Legacy)

     Retrieves execution history for a task, including success/failure status,
    execution times, and outputs. Results can be filtered by version and status.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.
        status (ListTaskExecutionsStatus | Unset):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskExecutionResultsListResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        page=page,
        limit=limit,
        status=status,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
    status: ListTaskExecutionsStatus | Unset = UNSET,
    version: str | Unset = UNSET,
) -> ErrorResponse | TaskExecutionResultsListResponse | None:
    """List Task Executions (Legacy)

     Retrieves execution history for a task, including success/failure status,
    execution times, and outputs. Results can be filtered by version and status.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.
        status (ListTaskExecutionsStatus | Unset):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskExecutionResultsListResponse
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        page=page,
        limit=limit,
        status=status,
        version=version,
    ).parsed


async def asyncio_detailed(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
    status: ListTaskExecutionsStatus | Unset = UNSET,
    version: str | Unset = UNSET,
) -> Response[ErrorResponse | TaskExecutionResultsListResponse]:
    """List Task Executions (Legacy)

     Retrieves execution history for a task, including success/failure status,
    execution times, and outputs. Results can be filtered by version and status.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.
        status (ListTaskExecutionsStatus | Unset):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskExecutionResultsListResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
        page=page,
        limit=limit,
        status=status,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: UUID,
    *,
    client: AuthenticatedClient,
    page: str | Unset = "1",
    limit: str | Unset = "10",
    status: ListTaskExecutionsStatus | Unset = UNSET,
    version: str | Unset = UNSET,
) -> ErrorResponse | TaskExecutionResultsListResponse | None:
    """List Task Executions (Legacy)

     Retrieves execution history for a task, including success/failure status,
    execution times, and outputs. Results can be filtered by version and status.

    If you are using the new Task Builder, see the Tasks V2 endpoints in this API reference.

    Args:
        task_id (UUID):
        page (str | Unset):  Default: '1'.
        limit (str | Unset):  Default: '10'.
        status (ListTaskExecutionsStatus | Unset):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskExecutionResultsListResponse
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            page=page,
            limit=limit,
            status=status,
            version=version,
        )
    ).parsed

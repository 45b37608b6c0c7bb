from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_resp_workflow_task_simple_response import (
    PageRespWorkflowTaskSimpleResponse,
)
from ...models.response_data import ResponseData
from ...models.task_status import TaskStatus
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    status: TaskStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["page"] = page

    params["limit"] = limit

    params["workflow_id"] = workflow_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/workflow/list-tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageRespWorkflowTaskSimpleResponse | ResponseData | None:
    if response.status_code == 200:
        response_200 = PageRespWorkflowTaskSimpleResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ResponseData.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = ResponseData.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageRespWorkflowTaskSimpleResponse | ResponseData]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: TaskStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
) -> Response[PageRespWorkflowTaskSimpleResponse | ResponseData]:
    """List tasks

     Returns a paginated list of tasks (workflow executions).

    ### Filtering
    - Use `status` to filter by task status.
    - Use `workflow_id` to only list tasks created from a specific workflow.

    ### Pagination
    Use `page` and `limit`. The response includes `total_pages` and `total_count`.

    Args:
        status (TaskStatus | Unset): Current task status.

            - `created`: Task is created but not yet running
            - `running`: Task is currently executing
            - `finished`: Task completed successfully
            - `canceled`: Task was canceled (e.g., via Stop Task)
            - `pausing`: Task is transitioning into paused state
            - `paused`: Task is paused and can be resumed
            - `failed`: Task ended with an error
            - `unknown`: Unknown or unsupported status
        page (int | Unset):
        limit (int | Unset):
        workflow_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRespWorkflowTaskSimpleResponse | ResponseData]
    """

    kwargs = _get_kwargs(
        status=status,
        page=page,
        limit=limit,
        workflow_id=workflow_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: TaskStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
) -> PageRespWorkflowTaskSimpleResponse | ResponseData | None:
    """List tasks

     Returns a paginated list of tasks (workflow executions).

    ### Filtering
    - Use `status` to filter by task status.
    - Use `workflow_id` to only list tasks created from a specific workflow.

    ### Pagination
    Use `page` and `limit`. The response includes `total_pages` and `total_count`.

    Args:
        status (TaskStatus | Unset): Current task status.

            - `created`: Task is created but not yet running
            - `running`: Task is currently executing
            - `finished`: Task completed successfully
            - `canceled`: Task was canceled (e.g., via Stop Task)
            - `pausing`: Task is transitioning into paused state
            - `paused`: Task is paused and can be resumed
            - `failed`: Task ended with an error
            - `unknown`: Unknown or unsupported status
        page (int | Unset):
        limit (int | Unset):
        workflow_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRespWorkflowTaskSimpleResponse | ResponseData
    """

    return sync_detailed(
        client=client,
        status=status,
        page=page,
        limit=limit,
        workflow_id=workflow_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: TaskStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
) -> Response[PageRespWorkflowTaskSimpleResponse | ResponseData]:
    """List tasks

     Returns a paginated list of tasks (workflow executions).

    ### Filtering
    - Use `status` to filter by task status.
    - Use `workflow_id` to only list tasks created from a specific workflow.

    ### Pagination
    Use `page` and `limit`. The response includes `total_pages` and `total_count`.

    Args:
        status (TaskStatus | Unset): Current task status.

            - `created`: Task is created but not yet running
            - `running`: Task is currently executing
            - `finished`: Task completed successfully
            - `canceled`: Task was canceled (e.g., via Stop Task)
            - `pausing`: Task is transitioning into paused state
            - `paused`: Task is paused and can be resumed
            - `failed`: Task ended with an error
            - `unknown`: Unknown or unsupported status
        page (int | Unset):
        limit (int | Unset):
        workflow_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRespWorkflowTaskSimpleResponse | ResponseData]
    """

    kwargs = _get_kwargs(
        status=status,
        page=page,
        limit=limit,
        workflow_id=workflow_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: TaskStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
) -> PageRespWorkflowTaskSimpleResponse | ResponseData | None:
    """List tasks

     Returns a paginated list of tasks (workflow executions).

    ### Filtering
    - Use `status` to filter by task status.
    - Use `workflow_id` to only list tasks created from a specific workflow.

    ### Pagination
    Use `page` and `limit`. The response includes `total_pages` and `total_count`.

    Args:
        status (TaskStatus | Unset): Current task status.

            - `created`: Task is created but not yet running
            - `running`: Task is currently executing
            - `finished`: Task completed successfully
            - `canceled`: Task was canceled (e.g., via Stop Task)
            - `pausing`: Task is transitioning into paused state
            - `paused`: Task is paused and can be resumed
            - `failed`: Task ended with an error
            - `unknown`: Unknown or unsupported status
        page (int | Unset):
        limit (int | Unset):
        workflow_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRespWorkflowTaskSimpleResponse | ResponseData
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            page=page,
            limit=limit,
            workflow_id=workflow_id,
        )
    ).parsed

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.response_data import ResponseData
from ...models.workflow_task_response import WorkflowTaskResponse
from ...types import UNSET, Response, http_status


def _get_kwargs(
    *,
    task_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["task_id"] = task_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/workflow/get-task",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ResponseData | WorkflowTaskResponse | None:
    if response.status_code == 200:
        response_200 = WorkflowTaskResponse.from_dict(response.json())

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
) -> Response[ResponseData | WorkflowTaskResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> Response[ResponseData | WorkflowTaskResponse]:
    """Retrieve a task

     Returns comprehensive information about a task, including:
    - current `status`
    - step-level progress (`steps`)
    - output (if finished)
    - failure details (if failed)

    If you only need the current status, use `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResponseData | WorkflowTaskResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> ResponseData | WorkflowTaskResponse | None:
    """Retrieve a task

     Returns comprehensive information about a task, including:
    - current `status`
    - step-level progress (`steps`)
    - output (if finished)
    - failure details (if failed)

    If you only need the current status, use `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResponseData | WorkflowTaskResponse
    """

    return sync_detailed(
        client=client,
        task_id=task_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> Response[ResponseData | WorkflowTaskResponse]:
    """Retrieve a task

     Returns comprehensive information about a task, including:
    - current `status`
    - step-level progress (`steps`)
    - output (if finished)
    - failure details (if failed)

    If you only need the current status, use `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResponseData | WorkflowTaskResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> ResponseData | WorkflowTaskResponse | None:
    """Retrieve a task

     Returns comprehensive information about a task, including:
    - current `status`
    - step-level progress (`steps`)
    - output (if finished)
    - failure details (if failed)

    If you only need the current status, use `GET /v2/workflow/get-task-status`.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResponseData | WorkflowTaskResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            task_id=task_id,
        )
    ).parsed

from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.response_data import ResponseData
from ...models.run_workflow_task_request import RunWorkflowTaskRequest
from ...models.task_created_response import TaskCreatedResponse
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: RunWorkflowTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/workflow/run-task",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ResponseData | TaskCreatedResponse | None:
    if response.status_code == 200:
        response_200 = TaskCreatedResponse.from_dict(response.json())

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
) -> Response[ResponseData | TaskCreatedResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RunWorkflowTaskRequest,
) -> Response[ResponseData | TaskCreatedResponse]:
    """Run a workflow (create a task)

     Starts a new task execution for a workflow and returns a `task_id`.

    ### How it works
    1) Choose a workflow in the Dashboard and copy its `workflow_id`
    2) Provide any `input_parameters` required by the workflow
    3) Optionally enable `save_browser_data` to receive a `profile_id` that can be reused later

    ### Webhooks
    You can provide `callback_url` and/or `status_change_callback_url` to receive POST notifications.

    Args:
        body (RunWorkflowTaskRequest): Request body used to start a new task from a workflow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResponseData | TaskCreatedResponse]
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
    client: AuthenticatedClient | Client,
    body: RunWorkflowTaskRequest,
) -> ResponseData | TaskCreatedResponse | None:
    """Run a workflow (create a task)

     Starts a new task execution for a workflow and returns a `task_id`.

    ### How it works
    1) Choose a workflow in the Dashboard and copy its `workflow_id`
    2) Provide any `input_parameters` required by the workflow
    3) Optionally enable `save_browser_data` to receive a `profile_id` that can be reused later

    ### Webhooks
    You can provide `callback_url` and/or `status_change_callback_url` to receive POST notifications.

    Args:
        body (RunWorkflowTaskRequest): Request body used to start a new task from a workflow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResponseData | TaskCreatedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RunWorkflowTaskRequest,
) -> Response[ResponseData | TaskCreatedResponse]:
    """Run a workflow (create a task)

     Starts a new task execution for a workflow and returns a `task_id`.

    ### How it works
    1) Choose a workflow in the Dashboard and copy its `workflow_id`
    2) Provide any `input_parameters` required by the workflow
    3) Optionally enable `save_browser_data` to receive a `profile_id` that can be reused later

    ### Webhooks
    You can provide `callback_url` and/or `status_change_callback_url` to receive POST notifications.

    Args:
        body (RunWorkflowTaskRequest): Request body used to start a new task from a workflow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResponseData | TaskCreatedResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RunWorkflowTaskRequest,
) -> ResponseData | TaskCreatedResponse | None:
    """Run a workflow (create a task)

     Starts a new task execution for a workflow and returns a `task_id`.

    ### How it works
    1) Choose a workflow in the Dashboard and copy its `workflow_id`
    2) Provide any `input_parameters` required by the workflow
    3) Optionally enable `save_browser_data` to receive a `profile_id` that can be reused later

    ### Webhooks
    You can provide `callback_url` and/or `status_change_callback_url` to receive POST notifications.

    Args:
        body (RunWorkflowTaskRequest): Request body used to start a new task from a workflow.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResponseData | TaskCreatedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
